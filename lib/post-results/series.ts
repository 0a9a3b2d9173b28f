import { isReleased, releaseFor, type ReleaseSubject, type ReleaseTimes } from "@/lib/auth/release";

// A series as the post-results pages offer it: with the time it is released to the caller for
// the service (docs/product-rules.md ("Results embargo")) and whether that time has passed.

export type SeriesOption = {
  id: string;
  code: string;
  nameEn: string;
  nameCy: string;
  /** When the caller may first use the service for the series; null: never. */
  releaseAt: Date | null;
  visible: boolean;
};

type SeriesRow = ReleaseTimes & { id: string; code: string; nameEn: string; nameCy: string };

export function seriesOptions(
  subject: ReleaseSubject,
  rows: readonly SeriesRow[],
  service: "reviews" | "scripts",
  at: Date,
): SeriesOption[] {
  return rows.map((s) => ({
    id: s.id,
    code: s.code,
    nameEn: s.nameEn,
    nameCy: s.nameCy,
    releaseAt: releaseFor(subject, s, service),
    visible: isReleased(subject, s, service, at),
  }));
}
