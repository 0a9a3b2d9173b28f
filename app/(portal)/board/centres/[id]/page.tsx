import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { getCentre } from "@/lib/data/board/centres";
import { must } from "@/lib/http/page";
import { localized } from "@/lib/i18n/localized";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ExamsOfficerForm, ResendExamsOfficerForm } from "../_components/board-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

const DONE = ["created", "invited", "replaced", "deleted", "inviteWithdrawn"] as const;

export default async function BoardCentrePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  await requireRole("BOARD_STAFF");
  const centre = await must(getCentre((await params).id));
  const asked = (await searchParams).done;
  const done = DONE.find((d) => d === asked);
  const t = await getTranslations("board");
  const tu = await getTranslations("users");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const eo = centre.examsOfficer;
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <p>
        <Link href="/board/centres" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">
        {centre.number} {localized(centre, locale)}
      </h1>
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>
            {done === "deleted" || done === "inviteWithdrawn" ? tu(`done_${done}`) : t(`done_${done}`)}
          </AlertDescription>
        </Alert>
      ) : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("nameEn")}</dt>
        <dd lang="en">{centre.nameEn}</dd>
        <dt className="font-semibold">{t("nameCy")}</dt>
        <dd lang="cy">{centre.nameCy}</dd>
        <dt className="font-semibold">{t("address")}</dt>
        <dd className="whitespace-pre-line">{centre.address || "—"}</dd>
        <dt className="font-semibold">{t("accounts")}</dt>
        <dd>{centre.accounts}</dd>
      </dl>
      <section aria-labelledby="eo-title" className="flex flex-col gap-4">
        <h2 id="eo-title" className="text-2xl font-bold">
          {t("eoTitle")}
        </h2>
        {eo ? (
          <>
            <p>
              {eo.name} ({eo.email}) <Badge variant="outline">{tu(`status_${eo.status}`)}</Badge>
            </p>
            {eo.canResendInvite ? <ResendExamsOfficerForm centreId={centre.id} /> : null}
            <h3 className="text-xl font-semibold">{t("replaceEo")}</h3>
            <p>{t("replaceHint")}</p>
            <ExamsOfficerForm centreId={centre.id} replace />
          </>
        ) : (
          <>
            <p>{t("noExamsOfficer")}</p>
            <ExamsOfficerForm centreId={centre.id} replace={false} />
          </>
        )}
      </section>
      <section aria-labelledby="accounts-title" className="flex flex-col gap-3">
        <h2 id="accounts-title" className="text-2xl font-bold">
          {t("accountsTitle")}
        </h2>
        <Table labelledBy="accounts-caption">
          <TableCaption id="accounts-caption" className="sr-only">
            {t("accountsTitle")}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{tu("name")}</TableHead>
              <TableHead>{tu("role")}</TableHead>
              <TableHead>{tu("status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {centre.users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  <Link href={`/board/centres/${centre.id}/accounts/${u.id}`} className="underline">
                    {u.name || u.email}
                  </Link>
                  <span className="block text-muted-foreground">{u.email}</span>
                </TableCell>
                <TableCell>{tr(u.role)}</TableCell>
                <TableCell>{tu(`status_${u.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
