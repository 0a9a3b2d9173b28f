import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { listCirculars } from "@/lib/data/resources/resources";
import { resourceHref } from "../../resources/_components/resource-browser";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("circulars"))("title") };
}

/** Any centre account; files download through the resource route, which re-checks access. */
export default async function CircularsPage() {
  const session = await requireRole("EXAMS_OFFICER", "ADMIN", "USER");
  const result = await listCirculars(session);
  if (!result.ok) redirect("/no-access");
  const t = await getTranslations("circulars");
  const format = await getFormatter();
  const cy = (await getLocale()) === "cy";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
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
              const title = cy ? item.titleCy : item.titleEn;
              return (
                <TableRow key={item.id}>
                  <TableHead scope="row">{title}</TableHead>
                  <TableCell>{item.year}</TableCell>
                  <TableCell>
                    {format.dateTime(item.createdAt, { day: "numeric", month: "long", year: "numeric" })}
                  </TableCell>
                  <TableCell>
                    <a
                      href={resourceHref(item.id)}
                      download
                      className="text-link underline underline-offset-4 hover:decoration-[3px]"
                    >
                      {t("download")}
                      <span className="sr-only"> {title}</span>
                    </a>
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
