// The large seed (`npm run db:seed -- --scale board`): a board-sized load on top of the demo
// data — 1,500 centres, 250,000 candidates, ~0.9 million entries and results, ~2.4 million
// component results — to try pages, queries and indexes at a realistic size.
//
// How it stays fast on PGlite and PostgreSQL alike:
//  - rows are generated in JavaScript (same generators as the demo: tests/factories), with
//    deterministic ids (prefix "xs" + centre number + counter), so no round trips for ids;
//  - multi-row INSERTs of up to ROWS_PER_STATEMENT rows with the values inlined as literals;
//  - one transaction per batch of centres (their candidates, entries, results and component
//    results), so a batch is all there or not at all: a re-run skips the batches already
//    loaded and finishes an interrupted one;
//  - ANALYZE at the end so the planner knows the new table sizes.
// Needs the demo series and catalogue (seedDemo runs first).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { candidateRow, type CandidateRow } from "@/tests/factories/candidates";
import { createRng } from "@/tests/factories/prng";
import { aggregateThresholds, defaultBoundaries, gradeFromThresholds, markFor, questionMaxima, splitMark } from "@/tests/factories/grades";
import { A_LEVEL_BORN_BEFORE } from "@/tests/factories/candidates";

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
  log?: (line: string) => void;
};

export type SeedScaleReport = { centresAdded: number; rows: number; ms: number; skipped: boolean };

const PLACES = [
  "Aberaeron", "Aberdâr", "Abergele", "Aberhonddu", "Abertawe", "Aberteifi", "Amlwch", "Bangor", "Bargod", "Betws",
  "Blaenau", "Bodelwyddan", "Brynmawr", "Caerfyrddin", "Caergybi", "Caerffili", "Caerleon", "Cas-gwent", "Castell-nedd", "Cei Newydd",
  "Conwy", "Crughywel", "Cwmbrân", "Dinbych", "Dolgellau", "Ffestiniog", "Fflint", "Glynebwy", "Hwlffordd", "Llanbedr",
  "Llandeilo", "Llandudno", "Llanelli", "Llangefni", "Llangollen", "Llanidloes", "Llanrwst", "Machynlleth", "Merthyr", "Mynwy",
  "Niwbwrch", "Pen-y-bont", "Penarth", "Pontypridd", "Porthcawl", "Porthmadog", "Pwllheli", "Rhaeadr", "Rhuthun", "Rhydaman",
  "Rhyl", "Tonypandy", "Treforys", "Trefynwy", "Tregaron", "Tyddewi", "Wrecsam", "Y Bala", "Y Barri", "Y Drenewydd",
  "Bristol", "Chester", "Gloucester", "Hereford", "Shrewsbury", "Worcester", "Ludlow", "Oswestry", "Bath", "Cheltenham",
];
const KINDS: [string, string][] = [
  ["{p} Comprehensive School", "Ysgol Gyfun {p}"],
  ["{p} High School", "Ysgol Uwchradd {p}"],
  ["{p} College", "Coleg {p}"],
  ["{p} Community School", "Ysgol Gymunedol {p}"],
  ["{p} Academy", "Academi {p}"],
  ["St David's School, {p}", "Ysgol Dewi Sant, {p}"],
];

function sql(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return `'${value.replace(/'/g, "''")}'`;
}

const dateSql = (d: Date) => `'${d.toISOString().slice(0, 10)}'`;

/** Candidates per centre: mostly 60–280, a few large colleges, summing exactly to `total`. */
export function centreSizes(centres: number, total: number): number[] {
  const rng = createRng("scale:sizes");
  const weights = Array.from({ length: centres }, () => (rng.next() < 0.01 ? 6 : 0.35 + rng.next() * 1.35));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % centres) {
    if (rest > 0) {
      sizes[i] += 1;
      rest -= 1;
    } else if (sizes[i] > 1) {
      sizes[i] -= 1;
      rest += 1;
    }
  }
  return sizes;
}

type Tables = { centres: string[]; candidates: string[]; entries: string[]; results: string[]; componentResults: string[] };

const COLUMNS: Record<keyof Tables, [string, string]> = {
  centres: ["Centre", `"id","number","nameEn","nameCy","address","updatedAt"`],
  candidates: ["Candidate", `"id","centreId","candidateNumber","uci","firstName","lastName","dateOfBirth","scriptConsent","updatedAt"`],
  entries: ["Entry", `"id","centreId","candidateId","seriesId","specificationId","updatedAt"`],
  results: ["Result", `"id","entryId","centreId","seriesId","grade"`],
  componentResults: ["ComponentResult", `"id","resultId","componentId","mark","itemMarks"`],
};

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

  const numbers = Array.from({ length: centreCount }, (_, i) => String(SCALE_FIRST_CENTRE_NUMBER + i));
  const existing = new Set(
    (await prisma.centre.findMany({ where: { number: { in: numbers } }, select: { number: true } })).map((c) => c.number),
  );
  if (existing.size === centreCount) {
    log(`Large seed: all ${centreCount.toLocaleString("en-GB")} scale centres already present: nothing to do.`);
    return { centresAdded: 0, rows: 0, ms: performance.now() - started, skipped: true };
  }

  const sizes = centreSizes(centreCount, candidateCount);
  const now = sql(new Date().toISOString());
  log(
    `Large seed: ${centreCount.toLocaleString("en-GB")} centres, ${candidateCount.toLocaleString("en-GB")} candidates` +
      (existing.size ? ` (${existing.size.toLocaleString("en-GB")} centres already loaded)` : ""),
  );

  let rows = 0;
  let centresAdded = 0;
  let loadMs = 0;
  for (let first = 0; first < centreCount; first += centresPerBatch) {
    const batch = numbers.slice(first, first + centresPerBatch);
    if (batch.every((n) => existing.has(n))) continue;
    const t0 = performance.now();
    const tables: Tables = { centres: [], candidates: [], entries: [], results: [], componentResults: [] };

    batch.forEach((number, j) => {
      const index = first + j;
      const centreId = `${ID_PREFIX}c${number}`;
      const rng = createRng(`scale:centre:${number}`);
      const place = PLACES[index % PLACES.length];
      const [kindEn, kindCy] = KINDS[Math.floor(index / PLACES.length) % KINDS.length];
      const copy = Math.floor(index / (PLACES.length * KINDS.length));
      const suffix = copy ? ` ${copy + 1}` : "";
      tables.centres.push(
        `(${sql(centreId)},${sql(number)},${sql(kindEn.replace("{p}", place) + suffix)},${sql(kindCy.replace("{p}", place) + suffix)},${sql(`1 Heol yr Ysgol\n${place}`)},${now})`,
      );

      const centre = { id: centreId, number };
      let entryNo = 0;
      let crNo = 0;
      for (let i = 1; i <= sizes[index]; i++) {
        const c: CandidateRow = candidateRow(centre, i, rng);
        const candidateId = `${ID_PREFIX}k${number}-${i}`;
        tables.candidates.push(
          `(${sql(candidateId)},${sql(centreId)},${sql(c.candidateNumber)},${sql(c.uci)},${sql(c.firstName)},${sql(c.lastName)},${dateSql(c.dateOfBirth)},${sql(c.scriptConsent)},${now})`,
        );
        const pool = c.dateOfBirth.getTime() < A_LEVEL_BORN_BEFORE.getTime() && alevelPlans.length ? alevelPlans : gcsePlans.length ? gcsePlans : plans;
        const chosen = rng.sample(pool, Math.min(pool.length, rng.int(3, 5)));
        const ability = Math.max(-2.5, Math.min(2.5, rng.normal()));
        for (const plan of chosen) {
          entryNo += 1;
          const entryId = `${ID_PREFIX}e${number}-${entryNo.toString(36)}`;
          const resultId = `${ID_PREFIX}r${number}-${entryNo.toString(36)}`;
          tables.entries.push(`(${sql(entryId)},${sql(centreId)},${sql(candidateId)},${sql(series.id)},${sql(plan.spec.id)},${now})`);
          const subjectAbility = ability + rng.normal() * 0.35;
          let total = 0;
          plan.spec.components.forEach((component, k) => {
            const mark = markFor(subjectAbility, component.maxMark, rng.next);
            total += mark;
            crNo += 1;
            tables.componentResults.push(
              `(${sql(`${ID_PREFIX}m${number}-${crNo.toString(36)}`)},${sql(resultId)},${sql(component.id)},${mark},'{${splitMark(mark, plan.maxima[k], rng.next).join(",")}}')`,
            );
          });
          tables.results.push(`(${sql(resultId)},${sql(entryId)},${sql(centreId)},${sql(series.id)},${sql(gradeFromThresholds(total, plan.thresholds))})`);
        }
      }
    });

    const statements: string[] = [];
    for (const key of Object.keys(COLUMNS) as (keyof Tables)[]) {
      const [table, columns] = COLUMNS[key];
      const values = tables[key];
      for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT) {
        statements.push(`INSERT INTO "${table}" (${columns}) VALUES ${values.slice(i, i + ROWS_PER_STATEMENT).join(",")} ON CONFLICT DO NOTHING`);
      }
    }
    const batchRows = Object.values(tables).reduce((sum, list) => sum + list.length, 0);

    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
        for (const statement of statements) await tx.$executeRawUnsafe(statement);
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );

    rows += batchRows;
    centresAdded += batch.filter((n) => !existing.has(n)).length;
    loadMs += performance.now() - t0;
    const done = Math.min(first + centresPerBatch, centreCount);
    const elapsed = (performance.now() - started) / 1000;
    const rate = rows / Math.max(elapsed, 0.001);
    const remainingRows = (rows / Math.max(done - existing.size, 1)) * (centreCount - done);
    log(
      `[${String(Math.round((100 * done) / centreCount)).padStart(3)}%] ${done.toLocaleString("en-GB")}/${centreCount.toLocaleString("en-GB")} centres · ` +
        `${rows.toLocaleString("en-GB")} rows · ${Math.round(rate).toLocaleString("en-GB")} rows/s · ETA ${Math.round(remainingRows / Math.max(rate, 1))} s`,
    );
  }

  const t = performance.now();
  await prisma.$executeRawUnsafe(`ANALYZE "Centre", "Candidate", "Entry", "Result", "ComponentResult"`);
  log(`ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const ms = performance.now() - started;
  log(
    `Large seed: ${centresAdded.toLocaleString("en-GB")} centres, ${rows.toLocaleString("en-GB")} rows in ${(ms / 1000).toFixed(1)} s ` +
      `(${Math.round(rows / (ms / 1000)).toLocaleString("en-GB")} rows/s; generating + inserting ${(loadMs / 1000).toFixed(1)} s)`,
  );
  return { centresAdded, rows, ms, skipped: false };
}
