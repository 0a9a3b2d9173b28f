import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listQuestionPapers } from "@/lib/data/board/question-papers";
import { uploadChoices } from "@/lib/data/board/upload-choices";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { londonFields } from "@/lib/board/series-times";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ResourcesNav } from "../_components/resources-nav";
import { ChangeQuestionPaperForm, RemoveQuestionPaperForm, UploadQuestionPaperForm } from "../_components/paper-forms";
import { componentGroups, seriesChoices } from "../_components/choices";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = ["paperUploaded", "paperReplaced", "paperChanged", "paperRemoved"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardResources"))("papersTitle") };
}

/** A series' question papers: upload, change the time, replace, remove (board staff: the data layer decides). */
export default async function BoardQuestionPapersPage({ searchParams }: Props) {
  const sp = await searchParams;
  const [list, choices] = await Promise.all([must(listQuestionPapers(seriesParam(sp))), must(uploadChoices())]);
  const t = await getTranslations("boardResources");
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "en";
  const doneParam = Array.isArray(sp.done) ? sp.done[0] : sp.done;
  const done = DONE.find((d) => d === doneParam);
  const series = list.selected;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("papersTitle")} lead={t("papersIntro")} />
      <ResourcesNav current="/board/resources/question-papers" />
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t(`done.${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      {!series ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
          <SeriesPicker
            action="/board/resources/question-papers"
            series={list.series}
            selected={series.code}
            locale={locale}
            label={t("seriesPicker")}
            submit={t("showSeries")}
          />
          {list.papers.length === 0 ? (
            <p>{t("noPapers", { series: localized(series, locale) })}</p>
          ) : (
            <Table labelledBy="papers-caption">
              <TableCaption id="papers-caption" className="text-left font-semibold">
                {t("papersCaption", { series: localized(series, locale), count: list.papers.length })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("colComponent")}</TableHead>
                  <TableHead>{t("colSpecification")}</TableHead>
                  <TableHead>{t("colExam")}</TableHead>
                  <TableHead>{t("colAvailableAt")}</TableHead>
                  <TableHead>{t("colActions")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.papers.map((p) => {
                  const at = londonFields(p.availableAt);
                  return (
                    <TableRow key={p.id}>
                      <TableCell>
                        <span className="font-semibold">{p.component.code}</span>{" "}
                        {localized(p.component, locale, "title")}
                      </TableCell>
                      <TableCell>{`${p.specification.code} ${localized(p.specification, locale, "title")}`}</TableCell>
                      <TableCell>
                        {p.component.examAt ? formatDate(p.component.examAt, "when", locale) : t("notTimetabled")}
                      </TableCell>
                      <TableCell>{formatDate(p.availableAt, "when", locale)}</TableCell>
                      <TableCell>
                        <details>
                          <summary className="cursor-pointer font-semibold underline">
                            {t("manageShort")}
                            <span className="sr-only"> {p.component.code}</span>
                          </summary>
                          <div className="mt-3 flex min-w-64 flex-col gap-4">
                            <h3 className="font-semibold">{t("changeTitle")}</h3>
                            <ChangeQuestionPaperForm
                              paperId={p.id}
                              series={series.code}
                              date={at.date}
                              time={at.time}
                            />
                            <h3 className="font-semibold">{t("removeTitle")}</h3>
                            <RemoveQuestionPaperForm paperId={p.id} series={series.code} />
                          </div>
                        </details>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <section aria-labelledby="upload-paper-title" className="flex flex-col gap-4">
            <h2 id="upload-paper-title" className="text-2xl font-semibold">
              {t("uploadPaperTitle")}
            </h2>
            <UploadQuestionPaperForm
              series={seriesChoices(choices.series, locale)}
              selectedSeries={series.code}
              components={componentGroups(choices, locale)}
            />
          </section>
        </>
      )}
    </div>
  );
}
