import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listDocuments, type BoardDocument } from "@/lib/data/board/resources";
import { uploadChoices } from "@/lib/data/board/upload-choices";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { resourceHref } from "@/lib/resources/areas";
import { UPLOAD_KINDS } from "@/lib/board/uploads";
import { PageHeader } from "@/components/page/page-header";
import { DownloadLink } from "@/components/page/download-link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ResourcesNav } from "./_components/resources-nav";
import { RemoveDocumentForm, ReplaceDocumentForm } from "./_components/document-forms";
import { seriesChoices, specificationGroups } from "./_components/choices";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = ["uploaded", "replaced", "removed"] as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 40) ?? "";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardResources"))("title") };
}

/** Board staff's documents: filter, download, replace and remove (the data layer decides who). */
export default async function BoardResourcesPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filter = { kind: one(sp.kind), specification: one(sp.specification), series: one(sp.series) };
  const [list, choices] = await Promise.all([must(listDocuments(filter)), must(uploadChoices())]);
  const t = await getTranslations("boardResources");
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "en";
  const done = DONE.find((d) => d === one(sp.done));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <ResourcesNav current="/board/resources" />
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t(`done.${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      <section aria-labelledby="filters-title" className="rounded-md border p-4">
        <h2 id="filters-title" className="mb-3 text-xl font-semibold">
          {t("filtersTitle")}
        </h2>
        <form method="get" action="/board/resources" className="grid gap-4 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-kind">{t("kindLabel")}</Label>
            <Select id="f-kind" name="kind" defaultValue={filter.kind}>
              <option value="">{t("any")}</option>
              {UPLOAD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t("kindCount", { kind: t(`kinds.${k}`), count: String(list.counts[k] ?? 0) })}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-specification">{t("specificationLabel")}</Label>
            <Select id="f-specification" name="specification" defaultValue={filter.specification}>
              <option value="">{t("any")}</option>
              {specificationGroups(choices, locale).map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-series">{t("seriesLabel")}</Label>
            <Select id="f-series" name="series" defaultValue={filter.series}>
              <option value="">{t("any")}</option>
              {seriesChoices(choices.series, locale).map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </div>
          <div className="sm:col-span-3">
            <Button type="submit">{t("apply")}</Button>
          </div>
        </form>
      </section>
      {list.documents.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table labelledBy="documents-caption">
          <TableCaption id="documents-caption" className="text-left font-semibold">
            {list.total > list.documents.length
              ? t("captionOf", { shown: String(list.documents.length), total: String(list.total) })
              : t("caption", { count: list.total })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colTitle")}</TableHead>
              <TableHead>{t("colKind")}</TableHead>
              <TableHead>{t("colFor")}</TableHead>
              <TableHead>{t("colYear")}</TableHead>
              <TableHead>{t("colLanguage")}</TableHead>
              <TableHead>{t("colAvailable")}</TableHead>
              <TableHead>{t("colUploaded")}</TableHead>
              <TableHead>{t("colActions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.documents.map((d) => (
              <DocumentRow key={d.id} d={d} locale={locale} />
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

async function DocumentRow({ d, locale }: { d: BoardDocument; locale: Locale }) {
  const t = await getTranslations("boardResources");
  const title = localized(d, locale, "title");
  const forWhom = [
    d.specification ? `${d.specification.code} ${localized(d.specification, locale, "title")}` : null,
    d.component ? d.component.code : null,
    d.series ? localized(d.series, locale) : null,
  ].filter(Boolean);
  const uploaded = formatDate(d.createdAt, "stamp", locale);
  return (
    <TableRow>
      <TableCell>
        <span className="flex flex-wrap items-center gap-2">
          {title}
          {d.secure && d.kind !== "AGENDA" ? <Badge variant="warning">{t("secure")}</Badge> : null}
        </span>
      </TableCell>
      <TableCell>{t(`kinds.${d.kind}`)}</TableCell>
      <TableCell>{forWhom.length ? forWhom.join(" · ") : t("general")}</TableCell>
      <TableCell>{d.year}</TableCell>
      <TableCell>{t(`languages.${d.language}`)}</TableCell>
      <TableCell>
        {d.kind === "AGENDA"
          ? t("appointeesOnly")
          : d.availableFrom
            ? t("fromTime", { time: formatDate(d.availableFrom, "when", locale) })
            : t("onUpload")}
      </TableCell>
      <TableCell>
        {d.uploadedBy ? t("uploadedBy", { date: uploaded, name: d.uploadedBy }) : t("seeded", { date: uploaded })}
      </TableCell>
      <TableCell>
        <div className="flex flex-col gap-2">
          <DownloadLink href={resourceHref(d.id)}>
            {t("download")}
            <span className="sr-only"> {title}</span>
          </DownloadLink>
          <details className="group">
            <summary className="cursor-pointer font-semibold underline">
              {t("manage")}
              <span className="sr-only"> {title}</span>
            </summary>
            <div className="mt-3 flex min-w-64 flex-col gap-4">
              <h3 className="font-semibold">{t("replaceTitle")}</h3>
              <ReplaceDocumentForm resourceId={d.id} />
              <h3 className="font-semibold">{t("removeTitle")}</h3>
              <RemoveDocumentForm resourceId={d.id} />
            </div>
          </details>
        </div>
      </TableCell>
    </TableRow>
  );
}
