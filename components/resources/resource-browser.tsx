import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadLink } from "@/components/page/download-link";
import type { ResourceItem, ResourceOptions } from "@/lib/data/resources/resources";
import { FILTER_KEYS, resourceHref, type ResourceArea, type ResourceFilter } from "@/lib/resources/areas";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";

// The list of past papers / support material with its filter form (the data layer decides
// what is in it: lib/data/resources/resources.ts). The form is a plain GET
// form, so it works before JavaScript loads and the filtered list has its own address.

type Props = {
  area: Exclude<ResourceArea, "circulars">;
  path: string;
  filter: ResourceFilter;
  items: ResourceItem[];
  options: ResourceOptions;
  hiddenSecure: number;
};

export async function ResourceBrowser({ area, path, filter, items, options, hiddenSecure }: Props) {
  const t = await getTranslations("resources");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const qualName = (q: { nameEn: string; nameCy: string }) => localized(q, locale);
  const specs = options.specifications.filter(
    (s) => !filter.qualification || s.qualificationCode === filter.qualification,
  );
  const filtered = FILTER_KEYS.some((k) => filter[k]);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="filters-title" className="rounded-md border p-4">
        <h2 id="filters-title" className="mb-3 text-xl font-semibold">
          {t("filtersTitle")}
        </h2>
        <form method="get" action={path} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-qualification">{t("qualificationLabel")}</Label>
            <Select id="f-qualification" name="qualification" defaultValue={filter.qualification ?? ""}>
              <option value="">{t("any")}</option>
              {options.qualifications.map((q) => (
                <option key={q.code} value={q.code}>
                  {qualName(q)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-specification">{t("specificationLabel")}</Label>
            <Select id="f-specification" name="specification" defaultValue={filter.specification ?? ""}>
              <option value="">{t("any")}</option>
              {specs.map((s) => (
                <option key={s.code} value={s.code}>{`${s.code} ${localized(s, locale, "title")}`}</option>
              ))}
            </Select>
          </div>
          {options.kinds.length > 1 ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor="f-kind">{t("kindLabel")}</Label>
              <Select id="f-kind" name="kind" defaultValue={filter.kind ?? ""}>
                <option value="">{t("any")}</option>
                {options.kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-year">{t("yearLabel")}</Label>
            <Select id="f-year" name="year" defaultValue={filter.year ?? ""}>
              <option value="">{t("any")}</option>
              {options.years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-language">{t("languageLabel")}</Label>
            <Select id="f-language" name="language" defaultValue={filter.language ?? ""}>
              <option value="">{t("any")}</option>
              {options.languages.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-3">
            <Button type="submit">{t("apply")}</Button>
            {filtered ? (
              <Button asChild variant="outline">
                <Link href={path}>{t("clear")}</Link>
              </Button>
            ) : null}
          </div>
        </form>
      </section>

      {hiddenSecure > 0 ? <p>{t("hiddenSecure", { count: hiddenSecure })}</p> : null}

      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table labelledBy={`${area}-caption`}>
          <TableCaption id={`${area}-caption`}>{t("caption", { count: items.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colTitle")}</TableHead>
              <TableHead>{t("colSpecification")}</TableHead>
              <TableHead>{t("colKind")}</TableHead>
              <TableHead>{t("colYear")}</TableHead>
              <TableHead>{t("colLanguage")}</TableHead>
              <TableHead>{t("colDownload")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => {
              const title = localized(item, locale, "title");
              return (
                <TableRow key={item.id}>
                  <TableCell>
                    <span className="flex flex-wrap items-center gap-2">
                      {title}
                      {item.secure ? <Badge variant="warning">{t("secure")}</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell>
                    {item.specification
                      ? `${qualName(item.specification.qualification)} ${localized(item.specification, locale, "title")} (${item.specification.code})`
                      : t("general")}
                  </TableCell>
                  <TableCell>{t(`kinds.${item.kind}`)}</TableCell>
                  <TableCell>{item.year}</TableCell>
                  <TableCell>{t(`languages.${item.language}`)}</TableCell>
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
