import { Prisma } from "@/lib/generated/prisma/client";

// The candidate search shared by the lists that take one (results, entries, candidates): every
// word must match a forename or surname (anywhere, any case), the start of the candidate number,
// or the whole UCI. As SQL, for the lists that page in the database (lib/data/results/list.ts,
// lib/data/entries/entries.ts), and as a Prisma where-clause (lib/data/entries/candidates.ts).

/** The words of a search: control characters dropped, at most `max` words of 100 characters. */
export function searchWords(q: string | null | undefined, max = 5): string[] {
  return (q ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 100)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, max);
}

/** A LIKE pattern's own characters taken literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `AND (…)` per word on the candidate table aliased `alias` (a fixed identifier, never input). */
export function candidateWordsSql(alias: "c", words: readonly string[]): Prisma.Sql {
  if (words.length === 0) return Prisma.empty;
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return Prisma.join(
    words.map((w) => {
      const anywhere = `%${escapeLike(w)}%`;
      return Prisma.sql`AND (${col("firstName")} ILIKE ${anywhere} OR ${col("lastName")} ILIKE ${anywhere} OR ${col("candidateNumber")} LIKE ${`${escapeLike(w)}%`} OR ${col("uci")} = ${w.toUpperCase()})`;
    }),
    " ",
  );
}
