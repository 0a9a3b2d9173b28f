import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { myEmiAllocations } from "@/lib/data/marks/emi";
import { must } from "@/lib/http/page";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emi"))("title") };
}

// Electronic Mark Input: one row per allocation, with the marks left to enter, to submit and
// submitted, and the component's conference agenda.
export default async function EmiPage() {
  await requireUser();
  const { allocations } = await must(myEmiAllocations());
  const t = await getTranslations("emi");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      {allocations.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table label={t("caption", { count: allocations.length })}>
          <TableCaption className="sr-only">{t("caption", { count: allocations.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colComponent")}</TableHead>
              <TableHead>{t("colAllocated")}</TableHead>
              <TableHead>{t("colEnter")}</TableHead>
              <TableHead>{t("colSubmit")}</TableHead>
              <TableHead>{t("colAgenda")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {allocations.map((a) => {
              const component = t("componentName", {
                qualification: localized(a.qualification, locale),
                series: localized(a.series, locale),
                title: localized(a.component, locale, "title"),
                code: a.component.code,
              });
              const { left, toSubmit, submitted } = a.counts;
              return (
                <TableRow key={a.id} data-testid={`allocation-${a.component.code}`}>
                  <TableCell className="font-semibold">{component}</TableCell>
                  <TableCell>
                    {a.centres.length ? (
                      <span className="block">
                        {t("centres", { count: a.centres.length, numbers: a.centres.join(", ") })}
                      </span>
                    ) : null}
                    {a.singleCandidates ? (
                      <span className="block">{t("singles", { count: a.singleCandidates })}</span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Link
                      href={`/emi/${a.id}`}
                      className="underline"
                      aria-label={t("enterMarksLabel", { component, left })}
                    >
                      {t("enterMarks", { left })}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {toSubmit > 0 ? (
                      <Link
                        href={`/emi/${a.id}/submit`}
                        className="underline"
                        aria-label={t("submitMarksLabel", { component, toSubmit, submitted })}
                      >
                        {t("submitMarks", { toSubmit, submitted })}
                      </Link>
                    ) : (
                      t("nothingToSubmit", { submitted })
                    )}
                  </TableCell>
                  <TableCell>
                    {a.agendas.length ? (
                      <ul className="flex flex-col gap-1">
                        {a.agendas.map((d) => (
                          <li key={d.id}>
                            <a href={`/api/files/agendas/${d.id}`} className="underline" download>
                              {t("agendaLink", { title: localized(d, locale, "title") })}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("agendaNone")
                    )}
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
