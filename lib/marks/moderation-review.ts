import { adjusted, adjustmentFor } from "./moderation";
import type { MarkValue } from "./rules";

// What a moderator's review of one submitted sheet comes to (docs/marks.md, "Moderation"): per
// sampled candidate the centre's mark, the moderator's and the difference; the mean difference
// and the adjustment it makes under the tolerance; and every candidate of the cohort before and
// after that adjustment. Pure: the moderator's page, the report's submission and the board's
// figures all read it.

/** A mark as a table shows it: a whole number, a code, or nothing yet. */
export type ShownMark = number | "A" | "W" | null;

export const shown = (value: MarkValue | null | undefined): ShownMark => value?.code ?? value?.total ?? null;

export type ReviewInput = {
  /** Every candidate of the sheet, with the centre's mark (null when none was entered). */
  cohort: readonly { entryId: string; centre: MarkValue | null }[];
  /** The sampled candidates' entry ids. */
  sample: ReadonlySet<string>;
  /** The moderator's marks, by entry id. */
  moderated: ReadonlyMap<string, MarkValue>;
  tolerance: number;
  maxMark: number;
  /** A submitted report's figures: they stand as submitted, whatever the marks say since. */
  reported?: { meanDifference: number; adjustment: number } | null;
};

export type SampleLine = { entryId: string; centre: ShownMark; moderated: ShownMark; difference: number | null };
export type CohortLine = { entryId: string; before: ShownMark; after: ShownMark; sampled: boolean };

export type Review = {
  sample: SampleLine[];
  /** Sampled candidates the moderator has not marked yet. */
  remaining: number;
  /** Sampled candidates with a mark from both (the mean is over these). */
  compared: number;
  meanDifference: number;
  adjustment: number;
  tolerance: number;
  /** Every candidate before and after the adjustment (codes and missing marks are left alone). */
  cohort: CohortLine[];
  /** Candidates whose mark the moderation changes: a sampled mark moderated to another value, or an applied adjustment. */
  changed: number;
};

export function reviewOf(input: ReviewInput): Review {
  const { cohort, sample, moderated, tolerance, maxMark, reported } = input;
  const sampleLines: SampleLine[] = [];
  const pairs: { centre: number; moderated: number }[] = [];
  let remaining = 0;
  for (const row of cohort) {
    if (!sample.has(row.entryId)) continue;
    const mine = moderated.get(row.entryId) ?? null;
    const centre = row.centre?.code ? null : (row.centre?.total ?? null);
    const theirs = mine?.code ? null : (mine?.total ?? null);
    if (!mine || (mine.code === null && mine.total === null)) remaining++;
    if (centre !== null && theirs !== null) pairs.push({ centre, moderated: theirs });
    sampleLines.push({
      entryId: row.entryId,
      centre: shown(row.centre),
      moderated: shown(mine),
      difference: centre !== null && theirs !== null ? theirs - centre : null,
    });
  }
  const figures = reported ?? adjustmentFor(pairs, tolerance);
  // Only an adjustment a submitted report applied changes anyone's mark; before that it is a preview.
  const applied = reported ? reported.adjustment : 0;
  let changed = 0;
  const cohortLines: CohortLine[] = cohort.map((row) => {
    const before = shown(row.centre);
    const after = typeof before === "number" ? adjusted(before, figures.adjustment, maxMark) : before;
    const line = sampleLines.find((s) => s.entryId === row.entryId);
    const moderatedOther = Boolean(line && line.difference !== null && line.difference !== 0);
    const adjustedOther = typeof before === "number" && adjusted(before, applied, maxMark) !== before;
    if (moderatedOther || adjustedOther) changed++;
    return { entryId: row.entryId, before, after, sampled: sample.has(row.entryId) };
  });
  return {
    sample: sampleLines,
    remaining,
    compared: pairs.length,
    meanDifference: figures.meanDifference,
    adjustment: figures.adjustment,
    tolerance,
    cohort: cohortLines,
    changed,
  };
}

/** An adjustment or a difference as shown: +2, −3, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0";
}
