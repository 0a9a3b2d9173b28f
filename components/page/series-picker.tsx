import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";

// The one series picker: a GET form that puts `?series=<code>` on the page's own path (the
// convention every page that shows one series follows), keeping the other query values given.

export type SeriesChoice = { code: string; nameEn: string; nameCy?: string | null };

export function SeriesPicker({
  action,
  series,
  selected,
  locale,
  label,
  submit,
  keep = {},
  id = "series-picker",
}: {
  action: string;
  series: readonly SeriesChoice[];
  selected?: string | null;
  locale: Locale;
  label: string;
  submit: string;
  keep?: Record<string, string>;
  id?: string;
}) {
  if (series.length === 0) return null;
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden">
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor={id}>{label}</Label>
        <Select id={id} name="series" defaultValue={selected ?? undefined} wrapperClassName="w-64">
          {series.map((s) => (
            <option key={s.code} value={s.code}>
              {localized(s, locale)}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </form>
  );
}

/** The `?series=` value of a page's search params ("" when absent or repeated oddly). */
export function seriesParam(sp: Record<string, string | string[] | undefined>): string {
  const v = sp.series;
  const code = (Array.isArray(v) ? v[0] : v) ?? "";
  return code.length <= 40 ? code : "";
}
