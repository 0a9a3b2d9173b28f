import type { Prisma, Series } from "@/lib/generated/prisma/client";
import { defaultRelease, defaultRestrictedRelease, londonTime } from "@/lib/time";
import type { Db } from "./db";

export type SeriesOverrides = Partial<Prisma.SeriesUncheckedCreateInput>;

/** The June 2027 results day, as stored in a @db.Date column (UTC midnight). */
export const JUNE_2027_RESULTS_DAY = new Date(Date.UTC(2027, 7, 19));

/**
 * A series. Default June 2027: results day Thu 19 Aug 2027; restricted release 00:00 London on
 * 18 Aug (2027-08-17T23:00Z); release 08:00 London on 19 Aug (07:00Z); entries late after
 * 23:59:59 London on 21 Feb 2027. Release times follow an overridden results day unless given.
 */
export async function createSeries(db: Db, overrides: SeriesOverrides = {}): Promise<Series> {
  const resultsDay = overrides.resultsDay ? new Date(overrides.resultsDay) : JUNE_2027_RESULTS_DAY;
  return db.series.create({
    data: {
      code: "2027-06",
      nameEn: "June 2027",
      nameCy: "Mehefin 2027",
      restrictedReleaseAt: defaultRestrictedRelease(resultsDay),
      releaseAt: defaultRelease(resultsDay),
      entryDeadline: londonTime(2027, 2, 21, 23, 59, 59),
      ...overrides,
      resultsDay,
    },
  });
}
