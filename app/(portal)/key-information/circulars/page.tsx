import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/page/download-link";
import { PageHeader } from "@/components/page/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { listCirculars } from "@/lib/data/resources/resources";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { resourceHref } from "@/lib/resources/areas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("circulars"))("title") };
}

/** Any centre account; files download through the resource route, which checks access again. */
export default async function CircularsPage() {
  await requireRole("EXAMS_OFFICER", "ADMIN", "USER");
  const result = await must(listCirculars());
  const t = await getTranslations("circulars");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      {result.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table labelledBy="circulars-caption">
          <TableCaption id="circulars-caption">{t("caption", { count: result.items.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colTitle")}</TableHead>
              <TableHead>{t("colYear")}</TableHead>
              <TableHead>{t("colPublished")}</TableHead>
              <TableHead>{t("colDownload")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.items.map((item) => {
              const title = localized(item, locale, "title");
              return (
                <TableRow key={item.id}>
                  <TableHead scope="row">{title}</TableHead>
                  <TableCell>{item.year}</TableCell>
                  <TableCell>{formatDate(item.createdAt, "date", locale)}</TableCell>
                  <TableCell>
                    <DownloadLink href={resourceHref(item.id)}>
                      {t("download")}
                      <span className="sr-only"> {title}</span>
                    </DownloadLink>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
