import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listKeys } from "@/lib/data/a2c/keys";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GenerateKeyForm, RevokeKeyButton } from "./_components/key-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("a2c"))("title") };
}

export default async function A2CKeysPage() {
  const { keys } = await must(listKeys());
  const t = await getTranslations("a2c");
  const locale = (await getLocale()) === "cy" ? "cy" : "en";
  const when = (d: Date | null) => (d ? formatDate(d, "stamp", locale) : t("never"));
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} lead={t("intro")} />
      <p>
        {t("docs")}{" "}
        <a href="/api/a2c/v1/openapi.json" className="text-link underline">
          /api/a2c/v1/openapi.json
        </a>
      </p>
      <section aria-labelledby="generate-title" className="flex flex-col gap-4">
        <h2 id="generate-title" className="text-2xl font-bold">
          {t("generateTitle")}
        </h2>
        <GenerateKeyForm />
      </section>
      <section aria-labelledby="keys-title" className="flex flex-col gap-4">
        <h2 id="keys-title" className="text-2xl font-bold">
          {t("keysTitle")}
        </h2>
        <Table labelledBy="keys-caption">
          <TableCaption id="keys-caption">{t("caption", { count: keys.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("prefix")}</TableHead>
              <TableHead>{t("createdBy")}</TableHead>
              <TableHead>{t("createdAt")}</TableHead>
              <TableHead>{t("lastUsedAt")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((k) => (
              <TableRow key={k.id}>
                <TableCell>{k.name}</TableCell>
                <TableCell className="font-mono">{k.prefix}…</TableCell>
                <TableCell>{k.createdBy}</TableCell>
                <TableCell>{when(k.createdAt)}</TableCell>
                <TableCell>{when(k.lastUsedAt)}</TableCell>
                <TableCell>
                  {k.revokedAt ? (
                    <Badge variant="secondary">{t("revokedOn", { at: when(k.revokedAt) })}</Badge>
                  ) : (
                    <Badge variant="success">{t("active")}</Badge>
                  )}
                </TableCell>
                <TableCell>
                  {k.revokedAt ? null : <RevokeKeyButton keyId={k.id} label={t("revokeLabel", { name: k.name })} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
