import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadLink } from "@/components/page/download-link";
import { itemLevelComponents, itemLevelData } from "@/lib/data/results/item-level";
import { localized } from "@/lib/i18n/localized";
import { must } from "@/lib/http/page";
import { param, resultsContext, type SearchParams } from "../_components/context";
import { ResultsShell } from "../_components/shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.itemLevel"))("title") };
}

export default async function ItemLevelDataPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const ctx = await resultsContext(sp);
  const t = await getTranslations("results.itemLevel");
  return (
    <ResultsShell ctx={ctx} title={t("title")} path="/results/item-level-data">
      {async (series) => {
        const { components } = await must(itemLevelComponents(series.id));
        if (components.length === 0) return <p>{t("none")}</p>;
        const wanted = param(sp, "component");
        const chosen = components.find((c) => c.code === wanted) ?? components[0];
        const data = await must(itemLevelData(series.id, chosen.code));
        const label = `${chosen.code} ${localized(chosen, ctx.locale, "title")}`;
        const questions = Array.from({ length: data.questions }, (_, i) => i + 1);
        return (
          <>
            <p>{t("intro")}</p>
            <form method="get" action="/results/item-level-data" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="series" value={series.code} />
              <div className="flex min-w-0 flex-col gap-1">
                <Label htmlFor="component-picker">{t("chooseComponent")}</Label>
                <Select
                  id="component-picker"
                  name="component"
                  defaultValue={chosen.code}
                  wrapperClassName="w-96 max-w-full"
                >
                  {components.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} {localized(c, ctx.locale, "title")}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                {t("show")}
              </Button>
            </form>
            {data.rows.length === 0 ? (
              <p>{t("noRows")}</p>
            ) : (
              <>
                <p>
                  <DownloadLink
                    href={`/api/results/item-level-data?series=${encodeURIComponent(series.code)}&component=${encodeURIComponent(chosen.code)}`}
                  >
                    {t("download", { component: chosen.code })}
                  </DownloadLink>
                </p>
                <Table label={t("scrollLabel")}>
                  <TableCaption>{t("caption", { component: label })}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("candidateNumber")}</TableHead>
                      <TableHead>{t("name")}</TableHead>
                      <TableHead>{t("mark")}</TableHead>
                      {questions.map((n) => (
                        <TableHead key={n}>{t("question", { number: n })}</TableHead>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.rows.map((r) => (
                      <TableRow key={r.candidateId}>
                        <TableCell>{r.candidateNumber}</TableCell>
                        <TableCell>
                          {r.lastName}, {r.firstName}
                        </TableCell>
                        <TableCell className="font-bold">{r.mark}</TableCell>
                        {questions.map((n) => (
                          <TableCell key={n}>{r.itemMarks[n - 1] ?? ""}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </>
        );
      }}
    </ResultsShell>
  );
}
