import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/session";
import { listCandidates } from "@/lib/data/entries/candidates";
import { isLate, listEntries, listSeries, listSpecifications } from "@/lib/data/entries/entries";
import { isLocale } from "@/lib/i18n/config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EnterForm, WithdrawButton } from "./_components/entry-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.list"))("title") };
}

type Search = { series?: string; spec?: string; status?: string };

export default async function EntriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePermission("entries");
  const sp = await searchParams;
  const all = await listSeries(session);
  if (!all.ok) redirect("/no-access");
  const t = await getTranslations("entries.list");
  const locale = await getLocale();
  const cy = locale === "cy";
  if (all.series.length === 0) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("noSeries")}</p>
      </div>
    );
  }
  const seriesCode = typeof sp.series === "string" && sp.series ? sp.series : all.series[0].code;
  const filters = {
    spec: typeof sp.spec === "string" ? sp.spec : "",
    status: typeof sp.status === "string" ? sp.status : "",
  };
  const result = await listEntries(session, seriesCode, filters);
  if (!result.ok) {
    if (result.formError === "notFound") notFound();
    redirect("/no-access");
  }
  const format = await getFormatter();
  const at = now();
  const make = result.access === "make";
  const specs = await listSpecifications();
  const candidates = make ? await listCandidates(session, { locale: isLocale(locale) ? locale : "en" }) : null;
  const seriesName = (s: { nameEn: string; nameCy: string }) => (cy ? s.nameCy : s.nameEn);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
  const deadlinePassed = isLate(result.series, at);

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {!make ? <p>{t("readOnly")}</p> : null}
      <form method="get" className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-2">
          <Label htmlFor="series">{t("series")}</Label>
          <Select id="series" name="series" defaultValue={result.series.code}>
            {all.series.map((s) => (
              <option key={s.id} value={s.code}>
                {seriesName(s)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="spec">{t("specification")}</Label>
          <Select id="spec" name="spec" defaultValue={filters.spec}>
            <option value="">{t("allSpecifications")}</option>
            {specs.map((s) => (
              <option key={s.id} value={s.code}>
                {s.code} {cy ? s.titleCy : s.titleEn}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="status">{t("status")}</Label>
          <Select id="status" name="status" defaultValue={filters.status}>
            <option value="">{t("allStatuses")}</option>
            <option value="ENTERED">{t("statusENTERED")}</option>
            <option value="WITHDRAWN">{t("statusWITHDRAWN")}</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>

      <section aria-labelledby="deadline-title" className="flex flex-col gap-2">
        <h2 id="deadline-title" className="text-2xl font-bold">
          {t("deadlineTitle")}
        </h2>
        <p>{t("deadline", { series: seriesName(result.series), at: when(result.series.entryDeadline) })}</p>
        {deadlinePassed ? (
          <Alert variant="warning">
            <AlertDescription>{t("deadlinePassed")}</AlertDescription>
          </Alert>
        ) : null}
      </section>

      {make && candidates?.ok ? (
        <section aria-labelledby="enter-title" className="flex flex-col gap-4">
          <h2 id="enter-title" className="text-2xl font-bold">
            {t("enterTitle")}
          </h2>
          <EnterForm
            seriesId={result.series.id}
            candidates={candidates.candidates.map((c) => ({
              value: c.id,
              label: `${c.candidateNumber} ${c.lastName}, ${c.firstName}`,
            }))}
            specs={specs.map((s) => ({
              value: s.id,
              label: `${s.code} ${s.qualification} ${cy ? s.titleCy : s.titleEn}`,
            }))}
          />
          <p>
            <Link
              href={`/entries/import?series=${encodeURIComponent(result.series.code)}`}
              className="text-link underline"
            >
              {t("importLink")}
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="list-title" className="flex flex-col gap-4">
        <h2 id="list-title" className="text-2xl font-bold">
          {t("listTitle")}
        </h2>
        <p>
          <a
            href={`/api/entries/export?series=${encodeURIComponent(result.series.code)}`}
            className="text-link underline"
            download
          >
            {t("export")}
          </a>
        </p>
        <Table labelledBy="entries-caption">
          <TableCaption id="entries-caption">
            {t("caption", { count: result.entries.length, series: seriesName(result.series) })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("number")}</TableHead>
              <TableHead>{t("candidate")}</TableHead>
              <TableHead>{t("specification")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("enteredAt")}</TableHead>
              {make ? (
                <TableHead>
                  <span className="sr-only">{t("actions")}</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.entries.map((e) => {
              const name = `${e.candidate.lastName}, ${e.candidate.firstName}`;
              return (
                <TableRow key={e.id}>
                  <TableCell>{e.candidate.candidateNumber}</TableCell>
                  <TableCell>{name}</TableCell>
                  <TableCell>
                    {e.spec.code} {cy ? e.spec.titleCy : e.spec.titleEn}
                  </TableCell>
                  <TableCell>
                    <span className="flex flex-wrap gap-2">
                      <Badge variant={e.status === "ENTERED" ? "success" : "secondary"}>{t(`status${e.status}`)}</Badge>
                      {e.late ? <Badge variant="warning">{t("late")}</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell>{when(e.createdAt)}</TableCell>
                  {make ? (
                    <TableCell>
                      {e.status === "ENTERED" ? (
                        <WithdrawButton entryId={e.id} label={t("withdrawLabel", { name, spec: e.spec.code })} />
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
