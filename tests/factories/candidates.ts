import type { Candidate, Centre } from "@/lib/generated/prisma/client";
import { chunks, type Db } from "./db";
import { FIRST_NAMES, LAST_NAMES, SHOWCASE_NAMES } from "./names";
import { createRng, type Rng } from "./prng";

const CHECK_LETTERS = "ABCDEFGHKLMRTVWXY"; // 17 letters, no look-alikes (I, J, O, …)

/** The check letter of the first 12 characters of a UCI (weighted sum mod 17). */
export function uciCheckLetter(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (13 - i) * (first12.charCodeAt(i) - 48);
  return CHECK_LETTERS[sum % 17];
}

/**
 * A 13-character UCI in the JCQ layout: centre number (5) + year the UCI was allocated (2) +
 * "0" + a 4-digit serial + a check letter, e.g. 681012400003G.
 */
export function makeUci(centreNumber: string, year2: string, serial: number): string {
  const first12 = `${centreNumber}${year2}0${String(serial).padStart(4, "0")}`;
  return first12 + uciCheckLetter(first12);
}

/** Candidates born before 1 Sep 2009 are in the A level year group of 2026/27. */
export const A_LEVEL_BORN_BEFORE = new Date(Date.UTC(2009, 8, 1));

export function isALevelCandidate(candidate: Pick<Candidate, "dateOfBirth">): boolean {
  return candidate.dateOfBirth.getTime() < A_LEVEL_BORN_BEFORE.getTime();
}

export type CandidateCohort = "gcse" | "alevel" | "mixed";

export type CandidateRow = {
  id?: string;
  centreId: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  scriptConsent: boolean;
};

/**
 * The i-th candidate of a centre (1-based), fully determined by the centre number, i and the
 * cohort: the large seed uses this too, so every centre looks alike in shape.
 */
export function candidateRow(
  centre: Pick<Centre, "id" | "number">,
  i: number,
  rng: Rng,
  cohort: CandidateCohort = "mixed",
): CandidateRow {
  const [firstName, lastName] =
    i <= SHOWCASE_NAMES.length ? SHOWCASE_NAMES[i - 1] : [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
  const alevel = cohort === "alevel" || (cohort === "mixed" && rng.next() < 0.3);
  // GCSE year group: born 1 Sep 2010 – 31 Aug 2011; A level: 1 Sep 2008 – 31 Aug 2009.
  const start = alevel ? Date.UTC(2008, 8, 1) : Date.UTC(2010, 8, 1);
  const dateOfBirth = new Date(start + rng.int(0, 364) * 86_400_000);
  const yearAllocated = alevel ? "22" : "24"; // UCIs are allocated on first entry (Year 9/10)
  return {
    centreId: centre.id,
    candidateNumber: String(i).padStart(4, "0"),
    uci: makeUci(centre.number, yearAllocated, i),
    firstName,
    lastName,
    dateOfBirth,
    scriptConsent: rng.next() < 0.7,
  };
}

export type CreateCandidatesOptions = {
  /** First candidate number (default 1 → "0001"). */
  startNumber?: number;
  /** GCSE year group, A level year group, or both (default: mixed, ~30 % A level). */
  cohort?: CandidateCohort;
  /** PRNG seed (default: the centre number), so the same call gives the same candidates. */
  seed?: string | number;
};

/**
 * `n` candidates at a centre, numbered 0001 upwards: Welsh and English names (the first 14 are
 * SHOWCASE_NAMES), 13-character UCIs containing the centre number, realistic dates of birth.
 * Deterministic. Returned in candidate-number order.
 */
export async function createCandidates(
  db: Db,
  centre: Centre,
  n: number,
  options: CreateCandidatesOptions = {},
): Promise<Candidate[]> {
  const { startNumber = 1, cohort = "mixed", seed = `candidates:${centre.number}` } = options;
  const rng = createRng(seed);
  const rows: CandidateRow[] = [];
  // Draw for numbers before startNumber too, so candidate 0061 is the same however it is made.
  for (let i = 1; i < startNumber + n; i++) {
    const row = candidateRow(centre, i, rng, cohort);
    if (i >= startNumber) rows.push(row);
  }
  const out: Candidate[] = [];
  for (const part of chunks(rows, 2000)) out.push(...(await db.candidate.createManyAndReturn({ data: part })));
  return out.sort((a, b) => a.candidateNumber.localeCompare(b.candidateNumber));
}
