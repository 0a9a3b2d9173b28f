import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import {
  calendarDateString,
  releaseInstants,
  SERIES_CODE,
  seriesTimesProblem,
  type SeriesTimes,
} from "@/lib/board/series-times";

// Board staff's series and results days (docs/product-rules.md, "Results embargo"): list,
// create and edit a series — its code, names, results day, both release times and the entry
// deadline — and its per-component settings (lib/data/board/series-components.ts). Only board
// staff; every change is audited in the same transaction. Moving a release time of a series
// whose results are already loaded changes when centres see them, so it needs the board's
// explicit confirmation, and the audit row keeps the old and new times.

export type SeriesSummary = {
  id: string;
  code: string;
  nameEn: string;
  nameCy: string;
  resultsDay: Date;
  restrictedReleaseAt: Date;
  releaseAt: Date;
  entryDeadline: Date;
  entries: number;
  results: number;
};

/** Every series, the latest results day first, with how many entries and results each holds. */
export async function listSeries(): Promise<Result<{ series: SeriesSummary[] }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const [series, results] = await Promise.all([
    db.series.findMany({ include: { _count: { select: { entries: true } } }, orderBy: { resultsDay: "desc" } }),
    db.result.groupBy({ by: ["seriesId"], _count: { _all: true } }),
  ]);
  const resultsOf = new Map(results.map((r) => [r.seriesId, r._count._all]));
  return {
    ok: true,
    series: series.map((s) => ({
      id: s.id,
      code: s.code,
      nameEn: s.nameEn,
      nameCy: s.nameCy,
      resultsDay: s.resultsDay,
      restrictedReleaseAt: s.restrictedReleaseAt,
      releaseAt: s.releaseAt,
      entryDeadline: s.entryDeadline,
      entries: s._count.entries,
      results: resultsOf.get(s.id) ?? 0,
    })),
  };
}

export type SeriesComponentSettings = {
  id: string;
  code: string;
  titleEn: string;
  titleCy: string;
  maxMark: number;
  /**
   * Internally assessed (centres key in the marks, moderators check a sample): its mark deadline
   * is when centres' marks are due, and it may have a moderation tolerance. Otherwise a written
   * component: its mark deadline is when examiners' marks are due, and it has no tolerance.
   */
  internallyAssessed: boolean;
  /** The component's own mark deadline, used where the series sets none. */
  defaultMarkDeadline: Date | null;
  /** This series' mark deadline for the component, if the board set one. */
  markDeadline: Date | null;
  /** This series' moderation tolerance in marks, if the board set one (internally assessed only). */
  tolerance: number | null;
};

/**
 * One series, how many results it holds (moving a release time then needs the board's
 * confirmation: `releaseChangeNeedsConfirmation`), and the settings of every component for it,
 * internally assessed and written, by code.
 */
export async function getSeries(seriesId: string): Promise<
  Result<{
    series: Omit<SeriesSummary, "results" | "entries">;
    entries: number;
    results: number;
    releaseChangeNeedsConfirmation: boolean;
    components: SeriesComponentSettings[];
  }>
> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (typeof seriesId !== "string") return refuse("notFound");
  const db = getPrisma();
  const series = await db.series.findUnique({
    where: { id: seriesId },
    include: { _count: { select: { entries: true } }, components: true },
  });
  if (!series) return refuse("notFound");
  const [results, components] = await Promise.all([
    db.result.count({ where: { seriesId } }),
    db.component.findMany({ orderBy: { code: "asc" } }),
  ]);
  const settings = new Map(series.components.map((c) => [c.componentId, c]));
  return {
    ok: true,
    series: {
      id: series.id,
      code: series.code,
      nameEn: series.nameEn,
      nameCy: series.nameCy,
      resultsDay: series.resultsDay,
      restrictedReleaseAt: series.restrictedReleaseAt,
      releaseAt: series.releaseAt,
      entryDeadline: series.entryDeadline,
    },
    entries: series._count.entries,
    results,
    releaseChangeNeedsConfirmation: results > 0,
    components: components.map((c) => ({
      id: c.id,
      code: c.code,
      titleEn: c.titleEn,
      titleCy: c.titleCy,
      maxMark: c.maxMark,
      internallyAssessed: c.internallyAssessed,
      defaultMarkDeadline: c.markDeadline,
      markDeadline: settings.get(c.id)?.markDeadline ?? null,
      tolerance: settings.get(c.id)?.tolerance ?? null,
    })),
  };
}

export type SeriesInput = {
  code: string;
  nameEn: string;
  nameCy: string;
  /** Results day, a calendar date (UTC midnight). */
  resultsDay: Date;
  /** null: the default, 00:00 London on the day before results day. */
  restrictedReleaseAt: Date | null;
  /** null: the default, 08:00 London on results day. */
  releaseAt: Date | null;
  entryDeadline: Date;
};

/** The series' stored values from the input (defaults filled in), or what is wrong with it. */
function valuesOf(
  input: SeriesInput,
): { values: SeriesTimes & Omit<SeriesInput, keyof SeriesTimes> } | { refusal: ReturnType<typeof refuse> } {
  const code = String(input?.code ?? "").trim();
  if (!SERIES_CODE.test(code)) return { refusal: refuse("invalid", "seriesCodeFormat") };
  const nameEn = String(input.nameEn ?? "").trim();
  const nameCy = String(input.nameCy ?? "").trim();
  if (!nameEn) return { refusal: refuse("invalid", "seriesNameEnRequired") };
  if (!nameCy) return { refusal: refuse("invalid", "seriesNameCyRequired") };
  const dates = [input.resultsDay, input.entryDeadline, input.restrictedReleaseAt, input.releaseAt];
  if (dates.some((d) => d !== null && !(d instanceof Date && Number.isFinite(d.getTime()))))
    return { refusal: refuse("invalid", "seriesDateInvalid") };
  const resultsDay = new Date(
    Date.UTC(input.resultsDay.getUTCFullYear(), input.resultsDay.getUTCMonth(), input.resultsDay.getUTCDate()),
  );
  const values = {
    code,
    nameEn,
    nameCy,
    resultsDay,
    ...releaseInstants(resultsDay, input),
    entryDeadline: input.entryDeadline,
  };
  const problem = seriesTimesProblem(values);
  return problem ? { refusal: refuse("invalid", problem.reason) } : { values };
}

/** A time as the audit log keeps it. */
const stamp = (field: string, value: Date | string): string =>
  value instanceof Date ? (field === "resultsDay" ? calendarDateString(value) : value.toISOString()) : value;

export async function createSeries(input: SeriesInput): Promise<Result<{ seriesId: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (!input) return refuse("invalid");
  const { caller, at } = auth;
  const checked = valuesOf(input);
  if ("refusal" in checked) return checked.refusal;
  const { values } = checked;
  const { ip } = await requestInfo();
  try {
    const outcome = await getPrisma().$transaction(async (tx) => {
      if (await tx.series.findUnique({ where: { code: values.code }, select: { id: true } }))
        return refuse("conflict", "seriesCodeTaken");
      const created = await tx.series.create({ data: { ...values, createdAt: at } });
      await audit(tx, {
        action: "series.created",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: {
          seriesId: created.id,
          ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, stamp(k, v)])),
        },
        at,
      });
      return { ok: true as const, seriesId: created.id };
    });
    return outcome;
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("conflict", "seriesCodeTaken");
    throw error;
  }
}

const FIELDS = ["code", "nameEn", "nameCy", "resultsDay", "restrictedReleaseAt", "releaseAt", "entryDeadline"] as const;
const RELEASE_FIELDS: readonly string[] = ["restrictedReleaseAt", "releaseAt"];

/**
 * Edit a series. Moving either release time of a series that already has results needs
 * `confirmReleaseChange` (otherwise conflict/seriesReleaseNotConfirmed and nothing changes);
 * the audit row records every changed field's old and new value. Nothing changed: nothing written.
 */
export async function updateSeries(
  seriesId: string,
  input: SeriesInput,
  confirmReleaseChange = false,
): Promise<Result<{ changed: string[] }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (typeof seriesId !== "string" || !input) return refuse("notFound");
  const { caller, at } = auth;
  const checked = valuesOf(input);
  if ("refusal" in checked) return checked.refusal;
  const { values } = checked;
  const { ip } = await requestInfo();
  try {
    return await getPrisma().$transaction(async (tx) => {
      const current = await tx.series.findUnique({ where: { id: seriesId } });
      if (!current) return refuse("notFound");
      const same = (k: (typeof FIELDS)[number]) => {
        const a = current[k];
        const b = values[k];
        return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
      };
      const changed = FIELDS.filter((k) => !same(k));
      if (changed.length === 0) return { ok: true as const, changed: [] as string[] };
      if (changed.includes("code")) {
        const taken = await tx.series.findUnique({ where: { code: values.code }, select: { id: true } });
        if (taken) return refuse("conflict", "seriesCodeTaken");
      }
      const releaseMoved = changed.some((k) => RELEASE_FIELDS.includes(k));
      const results = releaseMoved ? await tx.result.count({ where: { seriesId } }) : 0;
      if (results > 0 && !confirmReleaseChange) return refuse("conflict", "seriesReleaseNotConfirmed");
      await tx.series.update({ where: { id: seriesId }, data: Object.fromEntries(changed.map((k) => [k, values[k]])) });
      await audit(tx, {
        action: "series.updated",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: {
          seriesId,
          code: values.code,
          changes: Object.fromEntries(changed.map((k) => [k, { from: stamp(k, current[k]), to: stamp(k, values[k]) }])),
          ...(releaseMoved && results > 0 ? { resultsLoaded: results, releaseChangeConfirmed: true } : {}),
        },
        at,
      });
      return { ok: true as const, changed: [...changed] };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("conflict", "seriesCodeTaken");
    throw error;
  }
}
