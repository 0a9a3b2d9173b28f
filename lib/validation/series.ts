import { z } from "zod";
import { parseCalendarDate, readLondonDateTime, SERIES_CODE, type WallClockReading } from "@/lib/board/series-times";
import { COMPONENT_FIELD, componentField } from "@/lib/board/series-fields";
import { isSingleLine } from "./text";

// The board's series forms (docs/product-rules.md, "Results embargo"). Dates and times are typed
// as London wall-clock values and read with lib/board/series-times.ts. Error messages are keys of
// the "errors" namespace.

export const SERIES_FIELDS = [
  "code",
  "nameEn",
  "nameCy",
  "resultsDay",
  "restrictedDate",
  "restrictedTime",
  "releaseDate",
  "releaseTime",
  "entryDeadlineDate",
  "entryDeadlineTime",
] as const;

const name = (required: string) =>
  z.string().trim().min(1, required).max(100, "seriesNameTooLong").refine(isSingleLine, "invalid");

/** The three London date-and-time pairs of the form: [date field, time field, required]. */
const PAIRS = [
  ["restrictedDate", "restrictedTime", false],
  ["releaseDate", "releaseTime", false],
  ["entryDeadlineDate", "entryDeadlineTime", true],
] as const;

type Raw = Record<(typeof SERIES_FIELDS)[number], string>;

const reading = (raw: Raw, date: keyof Raw, time: keyof Raw): WallClockReading =>
  readLondonDateTime(raw[date], raw[time]);

const instantOrNull = (r: WallClockReading) => (r.kind === "instant" ? r.at : null);

/** The create and edit form of a series. Blank release times mean the defaults for results day. */
export const seriesSchema = z
  .object({
    code: z.string().trim().regex(SERIES_CODE, "seriesCodeFormat"),
    nameEn: name("seriesNameEnRequired"),
    nameCy: name("seriesNameCyRequired"),
    resultsDay: z.string().trim(),
    restrictedDate: z.string(),
    restrictedTime: z.string(),
    releaseDate: z.string(),
    releaseTime: z.string(),
    entryDeadlineDate: z.string(),
    entryDeadlineTime: z.string(),
  })
  .superRefine((raw, ctx) => {
    if (!parseCalendarDate(raw.resultsDay))
      ctx.addIssue({
        code: "custom",
        path: ["resultsDay"],
        message: raw.resultsDay ? "seriesDateInvalid" : "seriesResultsDayRequired",
      });
    for (const [date, time, required] of PAIRS) {
      const r = reading(raw, date, time);
      if (r.kind === "problem")
        ctx.addIssue({ code: "custom", path: [r.field === "date" ? date : time], message: r.problem });
      if (r.kind === "blank" && required)
        ctx.addIssue({ code: "custom", path: [date], message: "seriesEntryDeadlineRequired" });
    }
  })
  .transform((raw) => ({
    code: raw.code,
    nameEn: raw.nameEn,
    nameCy: raw.nameCy,
    resultsDay: parseCalendarDate(raw.resultsDay)!,
    restrictedReleaseAt: instantOrNull(reading(raw, "restrictedDate", "restrictedTime")),
    releaseAt: instantOrNull(reading(raw, "releaseDate", "releaseTime")),
    entryDeadline: instantOrNull(reading(raw, "entryDeadlineDate", "entryDeadlineTime"))!,
  }));

export type SeriesFormInput = z.output<typeof seriesSchema>;

// ─── Per-component settings of a series ───

export { COMPONENT_FIELD, componentField };

export type ComponentSetting = { componentId: string; markDeadline: Date | null; tolerance: number | null };

/**
 * The component rows of the settings form: each component's mark deadline (a London date and
 * time, or blank for none) and moderation tolerance (whole marks, or blank for none). Answers
 * the settings, or field errors keyed by field name.
 */
export function readComponentSettings(
  values: Record<string, string>,
): { ok: true; settings: ComponentSetting[] } | { ok: false; fieldErrors: Record<string, string[]> } {
  const ids = new Set<string>();
  for (const key of Object.keys(values)) {
    const m = COMPONENT_FIELD.exec(key);
    if (m) ids.add(m[2]);
  }
  const fieldErrors: Record<string, string[]> = {};
  const settings: ComponentSetting[] = [];
  for (const componentId of ids) {
    const date = componentField("markDate", componentId);
    const time = componentField("markTime", componentId);
    const tol = componentField("tolerance", componentId);
    const r = readLondonDateTime(values[date] ?? "", values[time] ?? "");
    if (r.kind === "problem") fieldErrors[r.field === "date" ? date : time] = [r.problem];
    const toleranceText = (values[tol] ?? "").trim();
    let tolerance: number | null = null;
    if (toleranceText) {
      if (/^\d{1,4}$/.test(toleranceText)) tolerance = Number(toleranceText);
      else fieldErrors[tol] = ["seriesToleranceInvalid"];
    }
    settings.push({ componentId, markDeadline: r.kind === "instant" ? r.at : null, tolerance });
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, settings };
}
