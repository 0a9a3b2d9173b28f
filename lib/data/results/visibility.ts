import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { canSeeResults, resultsReleaseFor } from "@/lib/auth/permissions";

// The results embargo (PRODUCT.md §Time rules), the one place every results query asks.
// EO/Admins with the results permission see results from the series' restricted-release
// instant, Users with it from 08:00 London on results day, nobody else ever. Before that, the
// results functions answer exactly as if no results existed: empty lists, null — never an error
// that would reveal they exist.

/** What the results DAL needs of a session (a LiveSession has all of it). */
export type ResultsCaller = {
  userId?: string;
  user: { id: string; email?: string; role: Role; centreId: string | null; grants: readonly { permission: string }[] };
};

export type SeriesInfo = {
  id: string;
  code: string;
  nameEn: string;
  nameCy: string;
  resultsDay: Date;
  restrictedReleaseAt: Date;
  releaseAt: Date;
};

export type Visibility =
  /** Results are visible now; `releaseAt` is when they became visible to this caller. */
  | { visible: true; releaseAt: Date }
  /** Not visible; `releaseAt` is the caller's own release instant, or null if never (no permission). */
  | { visible: false; releaseAt: Date | null };

function subjectOf(caller: ResultsCaller) {
  return { role: caller.user.role, grants: caller.user.grants.map((g) => g.permission) };
}

/** Whether results of `series` are visible to the caller at `now`, and the caller's release time. */
export function resultsVisibility(
  caller: ResultsCaller,
  series: Pick<SeriesInfo, "restrictedReleaseAt" | "releaseAt">,
  now: Date,
): Visibility {
  const subject = subjectOf(caller);
  const releaseAt = resultsReleaseFor(subject, series);
  // A caller with no centre has no centre's results to see.
  if (releaseAt === null || caller.user.centreId === null) return { visible: false, releaseAt: null };
  return canSeeResults(subject, series, now) ? { visible: true, releaseAt } : { visible: false, releaseAt };
}

const SERIES_SELECT = {
  id: true,
  code: true,
  nameEn: true,
  nameCy: true,
  resultsDay: true,
  restrictedReleaseAt: true,
  releaseAt: true,
} as const;

/** Every series, newest results day first (series and their dates are not secret). */
export async function listSeries(): Promise<SeriesInfo[]> {
  return getPrisma().series.findMany({ select: SERIES_SELECT, orderBy: [{ resultsDay: "desc" }, { code: "desc" }] });
}

export async function findSeriesByCode(code: string): Promise<SeriesInfo | null> {
  if (!code || code.length > 40) return null;
  return getPrisma().series.findUnique({ where: { code }, select: SERIES_SELECT });
}

export async function findSeriesById(id: string): Promise<SeriesInfo | null> {
  if (!id) return null;
  return getPrisma().series.findUnique({ where: { id }, select: SERIES_SELECT });
}

/**
 * The series a results page opens on: the one asked for, else the latest whose results the
 * caller can already see, else the next one to be released to them, else the newest.
 */
export async function defaultSeries(
  caller: ResultsCaller,
  now: Date,
  code?: string | null,
): Promise<SeriesInfo | null> {
  const all = await listSeries();
  if (code) return all.find((s) => s.code === code) ?? null;
  const visible = all.find((s) => resultsVisibility(caller, s, now).visible);
  if (visible) return visible;
  const upcoming = all
    .filter((s) => {
      const v = resultsVisibility(caller, s, now);
      return v.releaseAt !== null && v.releaseAt.getTime() > now.getTime();
    })
    .sort((a, b) => a.releaseAt.getTime() - b.releaseAt.getTime());
  return upcoming[0] ?? all[0] ?? null;
}

/**
 * The scope of a results query: the caller's centre and the series, or null when the caller
 * may not see this series' results at `now` (or the series does not exist). Every results
 * query starts here.
 */
export async function resultsScope(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
): Promise<{ centreId: string; series: SeriesInfo } | null> {
  const series = await findSeriesById(seriesId);
  if (!series) return null;
  if (!resultsVisibility(caller, series, now).visible) return null;
  return { centreId: caller.user.centreId!, series };
}
