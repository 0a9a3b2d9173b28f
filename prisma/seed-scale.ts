// The large seed (`npm run db:seed -- --scale board`): a board-sized load on top of the demo
// data — 1,500 centres, 250,000 candidates, ~0.9 million entries and results, ~2.4 million
// component results — to try pages, queries and indexes at a realistic size.
//
// How it stays fast on PGlite and PostgreSQL alike:
//  - rows are generated in JavaScript (same generators as the demo: tests/factories), with
//    deterministic ids ("xs" + table letter + centre number + zero-padded counter, so they
//    sort in insertion order and index inserts append), so no round trips for ids;
//  - on PGlite, COPY … FROM '/dev/blob' (text format) into the PGlite instance; on PostgreSQL
//    (no COPY client installed), multi-row INSERTs of up to ROWS_PER_STATEMENT rows with the
//    values inlined as literals;
//  - foreign-key triggers skipped (session_replication_role = replica) when the role is a
//    superuser (always on PGlite): the rows are generated consistent, and the per-row FK checks
//    otherwise cost more than the inserts (measured: 2.5× slower on PostgreSQL);
//  - one transaction per batch of centres (their candidates, entries, results and component
//    results), so a centre is all there or not at all: each centre's rows depend only on its
//    number, so a re-run leaves out the centres already loaded and redoes an interrupted batch;
//  - ANALYZE at the end so the planner knows the new table sizes.
// Needs the demo series and catalogue (seedDemo runs first).
// The centres' names and sizes are in prisma/seed/scale-centres.ts, the tables' columns and the
// row formats in prisma/seed/scale-rows.ts.
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { A_LEVEL_BORN_BEFORE, candidateRow, type CandidateRow } from "@/tests/factories/candidates";
import {
  aggregateThresholds,
  defaultBoundaries,
  gradeFromThresholds,
  markFor,
  questionMaxima,
  splitMark,
} from "@/tests/factories/grades";
import { createRng } from "@/tests/factories/prng";
import { centreSizes, KINDS, PLACES } from "./seed/scale-centres";
import { COLUMNS, COPY_FORMAT, INSERT_FORMAT, type Tables } from "./seed/scale-rows";

export { centreSizes };

export const SCALE_CENTRES = 1500;
export const SCALE_CANDIDATES = 250_000;
/** Scale centres are numbered 70001 upwards. */
export const SCALE_FIRST_CENTRE_NUMBER = 70001;
const ID_PREFIX = "xs";
const ROWS_PER_STATEMENT = 5000;

export type SeedScaleOptions = {
  centres?: number;
  candidates?: number;
  /** Centres per transaction (default 30, ~5,000 candidates, ~90,000 rows). */
  centresPerBatch?: number;
  seriesCode?: string;
  /** Number of the first scale centre (default 70001); the others follow. */
  firstCentreNumber?: number;
  /**
   * The PGlite instance behind `prisma`, when on PGlite: rows then go in by COPY, several times
   * faster than INSERT in the WASM build. Null/omitted: multi-row INSERTs through `prisma`.
   */
  pglite?: PGlite | null;
  /** Check foreign keys row by row (default: only when not a superuser, who may skip them). */
  foreignKeyChecks?: boolean;
  log?: (line: string) => void;
};

export type SeedScaleReport = { centresAdded: number; rows: number; ms: number; skipped: boolean };

/**
 * Adds the board-sized load. Skips entirely when every scale centre is present; otherwise
 * loads the missing batches. Prints progress through `log`.
 */
export async function seedScale(prisma: PrismaClient, options: SeedScaleOptions = {}): Promise<SeedScaleReport> {
  const started = performance.now();
  const {
    centres: centreCount = SCALE_CENTRES,
    candidates: candidateCount = SCALE_CANDIDATES,
    centresPerBatch = 30,
    seriesCode = "2027-06",
    firstCentreNumber = SCALE_FIRST_CENTRE_NUMBER,
    log = () => {},
  } = options;

  const series = await prisma.series.findUnique({ where: { code: seriesCode } });
  if (!series) throw new Error(`Series ${seriesCode} not found: seed the demo data first.`);
  const specs = await prisma.specification.findMany({
    include: { qualification: true, components: { orderBy: { code: "asc" } } },
    orderBy: { code: "asc" },
  });
  if (specs.length === 0) throw new Error("No specifications: seed the demo data first.");
  const boundaries = await prisma.gradeBoundary.findMany({ where: { seriesId: series.id } });

  const plans = specs.map((spec) => ({
    spec,
    alevel: spec.qualification.code === "A level",
    maxima: spec.components.map((c) => questionMaxima(c)),
    thresholds: aggregateThresholds(
      spec.components.map((c) => {
        const own = boundaries.filter((b) => b.componentId === c.id);
        return own.length ? own : defaultBoundaries(c, spec.qualification.code, series.code);
      }),
      spec.qualification.code,
    ),
  }));
  const gcsePlans = plans.filter((p) => !p.alevel);
  const alevelPlans = plans.filter((p) => p.alevel);

  const numbers = Array.from({ length: centreCount }, (_, i) => String(firstCentreNumber + i));
  const existing = new Set(
    (await prisma.centre.findMany({ where: { number: { in: numbers } }, select: { number: true } })).map(
      (c) => c.number,
    ),
  );
  if (existing.size === centreCount) {
    log(`Large seed: all ${centreCount.toLocaleString("en-GB")} scale centres already present: nothing to do.`);
    return { centresAdded: 0, rows: 0, ms: performance.now() - started, skipped: true };
  }

  const sizes = centreSizes(centreCount, candidateCount);
  const now = new Date().toISOString();
  const pglite = options.pglite ?? null;
  const format = pglite ? COPY_FORMAT : INSERT_FORMAT;
  const toAdd = centreCount - existing.size;
  log(
    `Large seed: ${centreCount.toLocaleString("en-GB")} centres, ${candidateCount.toLocaleString("en-GB")} candidates, ` +
      `by ${pglite ? "COPY (PGlite)" : "multi-row INSERT"}` +
      (existing.size ? ` (${existing.size.toLocaleString("en-GB")} centres already loaded)` : ""),
  );

  // Foreign-key checks are per-row triggers and cost more than the inserts themselves. The rows
  // are generated consistent (parents in the same transaction, the series and components read
  // above), so a superuser (PGlite always; PostgreSQL when allowed) skips them for the load.
  const [{ superuser }] = await prisma.$queryRawUnsafe<{ superuser: boolean }[]>(
    `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
  );
  const skipForeignKeyChecks =
    options.foreignKeyChecks === false || (options.foreignKeyChecks === undefined && superuser);

  let rows = 0;
  let centresAdded = 0;
  let generateMs = 0;
  let insertMs = 0;
  const loadStarted = performance.now();
  for (let first = 0; first < centreCount; first += centresPerBatch) {
    // Each centre's rows depend only on its number, so centres already present are just left out.
    const batch = numbers.slice(first, first + centresPerBatch).filter((n) => !existing.has(n));
    if (batch.length === 0) continue;
    const t0 = performance.now();
    const tables: Tables = { centres: [], candidates: [], entries: [], results: [], componentResults: [] };

    for (const number of batch) {
      const index = Number(number) - firstCentreNumber;
      const centreId = `${ID_PREFIX}c${number}`;
      const rng = createRng(`scale:centre:${number}`);
      const place = PLACES[index % PLACES.length];
      const [kindEn, kindCy] = KINDS[Math.floor(index / PLACES.length) % KINDS.length];
      const copy = Math.floor(index / (PLACES.length * KINDS.length));
      const suffix = copy ? ` ${copy + 1}` : "";
      tables.centres.push(
        format.row([
          centreId,
          number,
          kindEn.replace("{p}", place) + suffix,
          kindCy.replace("{p}", place) + suffix,
          `1 Heol yr Ysgol\n${place}`,
          now,
        ]),
      );

      const centre = { id: centreId, number };
      let entryNo = 0;
      let crNo = 0;
      for (let i = 1; i <= sizes[index]; i++) {
        const c: CandidateRow = candidateRow(centre, i, rng);
        const candidateId = `${ID_PREFIX}k${number}-${String(i).padStart(5, "0")}`;
        tables.candidates.push(
          format.row([
            candidateId,
            centreId,
            c.candidateNumber,
            c.uci,
            c.firstName,
            c.lastName,
            c.dateOfBirth.toISOString().slice(0, 10),
            c.scriptConsent,
            now,
          ]),
        );
        const pool =
          c.dateOfBirth.getTime() < A_LEVEL_BORN_BEFORE.getTime() && alevelPlans.length
            ? alevelPlans
            : gcsePlans.length
              ? gcsePlans
              : plans;
        const chosen = rng.sample(pool, Math.min(pool.length, rng.int(3, 5)));
        const ability = Math.max(-2.5, Math.min(2.5, rng.normal()));
        for (const plan of chosen) {
          entryNo += 1;
          const entryId = `${ID_PREFIX}e${number}-${entryNo.toString(36).padStart(4, "0")}`;
          const resultId = `${ID_PREFIX}r${number}-${entryNo.toString(36).padStart(4, "0")}`;
          tables.entries.push(format.row([entryId, centreId, candidateId, series.id, plan.spec.id, now]));
          const subjectAbility = ability + rng.normal() * 0.35;
          let total = 0;
          plan.spec.components.forEach((component, k) => {
            const mark = markFor(subjectAbility, component.maxMark, rng.next);
            total += mark;
            crNo += 1;
            const items = `{${splitMark(mark, plan.maxima[k], rng.next).join(",")}}`;
            tables.componentResults.push(
              format.row([
                `${ID_PREFIX}m${number}-${crNo.toString(36).padStart(5, "0")}`,
                resultId,
                component.id,
                mark,
                items,
              ]),
            );
          });
          tables.results.push(
            format.row([resultId, entryId, centreId, series.id, gradeFromThresholds(total, plan.thresholds)]),
          );
        }
      }
    }

    const batchRows = Object.values(tables).reduce((sum, list) => sum + list.length, 0);
    const keys = Object.keys(COLUMNS) as (keyof Tables)[];
    const t1 = performance.now();
    generateMs += t1 - t0;

    if (pglite) {
      await pglite.transaction(async (tx) => {
        if (skipForeignKeyChecks) await tx.exec("SET LOCAL session_replication_role = replica");
        for (const key of keys) {
          const [table, columns] = COLUMNS[key];
          if (tables[key].length === 0) continue;
          const blob = new Blob([tables[key].join("\n") + "\n"]);
          await tx.query(`COPY "${table}" (${columns}) FROM '/dev/blob'`, [], { blob });
        }
      });
    } else {
      await prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
          if (skipForeignKeyChecks) await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
          for (const key of keys) {
            const [table, columns] = COLUMNS[key];
            const values = tables[key];
            for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT) {
              await tx.$executeRawUnsafe(
                `INSERT INTO "${table}" (${columns}) VALUES ${values.slice(i, i + ROWS_PER_STATEMENT).join(",")}`,
              );
            }
          }
        },
        { timeout: 10 * 60_000, maxWait: 60_000 },
      );
    }
    insertMs += performance.now() - t1;

    rows += batchRows;
    centresAdded += batch.length;
    const elapsed = (performance.now() - loadStarted) / 1000;
    const rate = rows / Math.max(elapsed, 0.001);
    const eta = (elapsed / centresAdded) * (toAdd - centresAdded);
    const done = Math.min(first + centresPerBatch, centreCount);
    log(
      `[${String(Math.round((100 * done) / centreCount)).padStart(3)}%] ${done.toLocaleString("en-GB")}/${centreCount.toLocaleString("en-GB")} centres · ` +
        `${rows.toLocaleString("en-GB")} rows · ${Math.round(rate).toLocaleString("en-GB")} rows/s · ETA ${Math.round(eta)} s`,
    );
  }

  const t = performance.now();
  await prisma.$executeRawUnsafe(`ANALYZE "Centre", "Candidate", "Entry", "Result", "ComponentResult"`);
  log(`ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const ms = performance.now() - started;
  log(
    `Large seed: ${centresAdded.toLocaleString("en-GB")} centres, ${rows.toLocaleString("en-GB")} rows in ${(ms / 1000).toFixed(1)} s ` +
      `(${Math.round(rows / (ms / 1000)).toLocaleString("en-GB")} rows/s; generating ${(generateMs / 1000).toFixed(1)} s, inserting ${(insertMs / 1000).toFixed(1)} s)`,
  );
  return { centresAdded, rows, ms, skipped: false };
}
