// Pure grading helpers shared by the factories and the large seed: grade scales, default
// boundaries, a component's question structure, and the grade a set of marks earns.
import { QUESTIONS } from "./catalogue";
import { createRng, hashSeed } from "./prng";

export const GCSE_GRADES = ["9", "8", "7", "6", "5", "4", "3", "2", "1"] as const;
export const A_LEVEL_GRADES = ["A*", "A", "B", "C", "D", "E"] as const;
export const UNGRADED = "U";

/** Grades from best to worst (U excluded: it is what is left below the lowest boundary). */
export function gradeScale(qualificationCode: string): readonly string[] {
  return qualificationCode === "A level" ? A_LEVEL_GRADES : GCSE_GRADES;
}

// Fraction of the maximum mark needed for each grade, best first.
const GCSE_FRACTIONS = [0.82, 0.74, 0.66, 0.57, 0.49, 0.41, 0.31, 0.21, 0.11];
const A_LEVEL_FRACTIONS = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3];

export type ComponentShape = { code: string; maxMark: number };

/**
 * Default boundaries of a component in a series: minimum marks per grade, best grade first,
 * strictly decreasing, a little different per component and series (as real boundaries are).
 */
export function defaultBoundaries(
  component: ComponentShape,
  qualificationCode: string,
  seriesCode = "",
): { grade: string; minMark: number }[] {
  const grades = gradeScale(qualificationCode);
  const fractions = grades === A_LEVEL_GRADES ? A_LEVEL_FRACTIONS : GCSE_FRACTIONS;
  const rng = createRng(`${seriesCode}:${component.code}:boundaries`);
  const shift = (rng.next() - 0.5) * 0.06; // ± 3 % of the maximum
  const out: { grade: string; minMark: number }[] = [];
  let previous = component.maxMark + 1;
  grades.forEach((grade, i) => {
    let minMark = Math.round(component.maxMark * (fractions[i] + shift));
    minMark = Math.max(1, Math.min(minMark, previous - 1));
    out.push({ grade, minMark });
    previous = minMark;
  });
  return out;
}

/**
 * The qualification grade for marks on all components: the best grade whose boundaries,
 * summed over the components, the total mark reaches; otherwise U.
 */
export function gradeFor(
  totalMark: number,
  boundaries: readonly (readonly { grade: string; minMark: number }[])[],
  qualificationCode: string,
): string {
  for (const grade of gradeScale(qualificationCode)) {
    let needed = 0;
    for (const list of boundaries) needed += list.find((b) => b.grade === grade)?.minMark ?? 0;
    if (totalMark >= needed) return grade;
  }
  return UNGRADED;
}

/** Precomputed aggregate thresholds (best grade first) for fast grading of many candidates. */
export function aggregateThresholds(
  boundaries: readonly (readonly { grade: string; minMark: number }[])[],
  qualificationCode: string,
): { grade: string; minMark: number }[] {
  return gradeScale(qualificationCode).map((grade) => ({
    grade,
    minMark: boundaries.reduce((sum, list) => sum + (list.find((b) => b.grade === grade)?.minMark ?? 0), 0),
  }));
}

export function gradeFromThresholds(
  totalMark: number,
  thresholds: readonly { grade: string; minMark: number }[],
): string {
  for (const t of thresholds) if (totalMark >= t.minMark) return t.grade;
  return UNGRADED;
}

/**
 * The maximum mark of each question of a component: its questions in the catalogue (QUESTIONS),
 * or else 4–10 made-up questions summing to maxMark (the marks per question in item level data).
 */
export function questionMaxima(component: ComponentShape): number[] {
  const defined = QUESTIONS[component.code]?.max;
  if (defined) return [...defined];
  const count = Math.max(4, Math.min(10, Math.round(component.maxMark / 12)));
  const rng = createRng(hashSeed(`${component.code}:questions`));
  const weights = Array.from({ length: count }, () => 0.6 + rng.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const maxima = weights.map((w) => Math.max(1, Math.floor((component.maxMark * w) / total)));
  let rest = component.maxMark - maxima.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) maxima[i] += 1;
  return maxima;
}

/** Split a component mark over its questions: each within its maximum, summing to `mark`. */
export function splitMark(mark: number, maxima: readonly number[], random: () => number): number[] {
  const max = maxima.reduce((a, b) => a + b, 0);
  const share = max === 0 ? 0 : mark / max;
  const items = maxima.map((m) => Math.min(m, Math.max(0, Math.round(m * share + (random() - 0.5) * 2))));
  let diff = mark - items.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0 && guard < 10_000; guard++) {
    const i = Math.floor(random() * items.length);
    if (diff > 0 && items[i] < maxima[i]) {
      items[i] += 1;
      diff -= 1;
    } else if (diff < 0 && items[i] > 0) {
      items[i] -= 1;
      diff += 1;
    }
  }
  return items;
}

/** A component mark for a candidate of the given ability (roughly -2.5…2.5). */
export function markFor(ability: number, maxMark: number, random: () => number): number {
  const fraction = 0.55 + 0.17 * ability + (random() - 0.5) * 0.16;
  return Math.max(0, Math.min(maxMark, Math.round(fraction * maxMark)));
}
