// Moderation's arithmetic (docs/marks.md): how many candidates a submitted sheet's sample
// holds, which ones, and the adjustment a moderator's marks make to the whole cohort. Pure.

/** Sample size for a cohort of n marked candidates: all up to 15; 16–100 → 15; 101–200 → 20; over 200 → 25. */
export function sampleSize(n: number): number {
  if (n <= 15) return n;
  if (n <= 100) return 15;
  if (n <= 200) return 20;
  return 25;
}

/**
 * The sample: `sampleSize` candidates spread evenly across the rank order of their marks,
 * always including the highest and the lowest. Deterministic: ties are broken by the id, so
 * the same sheet always gives the same sample.
 */
export function drawSample<T extends { id: string; mark: number }>(cohort: readonly T[]): T[] {
  const ranked = [...cohort].sort((a, b) => a.mark - b.mark || a.id.localeCompare(b.id));
  const size = sampleSize(ranked.length);
  if (size >= ranked.length) return ranked;
  if (size === 1) return [ranked[0]];
  const picked = new Set<number>();
  for (let i = 0; i < size; i++) picked.add(Math.round((i * (ranked.length - 1)) / (size - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => ranked[i]);
}

/** A tolerance the board has not set: differences up to this many marks leave the centre's marks alone. */
export const DEFAULT_TOLERANCE = 2;

/**
 * The adjustment a moderator's marks make: the mean difference (moderated − centre) over the
 * sampled candidates that both marked; within the tolerance (|mean| ≤ tolerance) nothing
 * changes, beyond it every candidate's mark moves by the mean rounded to a whole mark.
 */
export function adjustmentFor(
  pairs: readonly { centre: number; moderated: number }[],
  tolerance: number,
): { meanDifference: number; adjustment: number } {
  if (!pairs.length) return { meanDifference: 0, adjustment: 0 };
  const mean = pairs.reduce((sum, p) => sum + (p.moderated - p.centre), 0) / pairs.length;
  const meanDifference = Math.round(mean * 100) / 100;
  if (Math.abs(meanDifference) <= tolerance) return { meanDifference, adjustment: 0 };
  return { meanDifference, adjustment: Math.sign(mean) * Math.round(Math.abs(mean)) };
}

/** A centre's mark after the adjustment, kept within 0..max. */
export function adjusted(mark: number, adjustment: number, max: number): number {
  return Math.min(max, Math.max(0, mark + adjustment));
}
