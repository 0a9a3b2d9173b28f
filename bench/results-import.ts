// Benchmark: a board-scale results import, end to end, as the background worker runs it
// (lib/data/board/results-import-run.ts): the file is stored through the file store, checked row
// by row ("validating" → "ready"), then loaded in one transaction ("loading" → "done"),
// replacing the series' results. Run against the board-sized seed on PostgreSQL with the file
// from bench/results-import-file.ts:
//
//   DATABASE_URL=postgresql://… FILES_DIR=/tmp/porth-bench-files \
//     npx tsx bench/results-import.ts [file=bench/out/results-2027-06.csv] [series=2027-06] [fresh|replace]
//
// "replace" (the default) imports over the series' results as they are (a re-import: the file
// from bench/results-import-file.ts holds the same results, so almost nothing changes);
// "fresh" first removes the series' results, untimed, so the load writes every row (results day).
import { register } from "node:module";
import { readFile, stat } from "node:fs/promises";

// The DAL starts with `import "server-only"`, which throws outside React Server Components;
// in this script resolve it to an empty module (as vitest.config.ts does for the tests).
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : n(s, c); }`,
  )}`,
);

const SERIES = process.argv[3] ?? "2027-06";
const FILE = process.argv[2] ?? `bench/out/results-${SERIES}.csv`;
const MODE = process.argv[4] === "fresh" ? "fresh" : "replace";

const seconds = (from: number) => (performance.now() - from) / 1000;
const rate = (rows: number, s: number) => Math.round(rows / s).toLocaleString("en-GB");

async function main() {
  const { closePrisma, getPrisma } = await import("../lib/db/client");
  const { storeFile } = await import("../lib/files/store");
  const { runResultsImportJob } = await import("../lib/data/board/results-import-run");
  const prisma = getPrisma();
  try {
    const series = await prisma.series.findUniqueOrThrow({ where: { code: SERIES }, select: { id: true } });
    const board = await prisma.user.findFirstOrThrow({ where: { role: "BOARD_STAFF" }, select: { id: true } });
    const size = (await stat(FILE)).size;
    console.log(`file ${FILE}: ${(size / 1024 / 1024).toFixed(1)} MB; series ${SERIES}; ${MODE}`);
    if (MODE === "fresh") {
      const t = performance.now();
      await prisma.result.deleteMany({ where: { seriesId: series.id } });
      await prisma.gradeBoundary.deleteMany({ where: { seriesId: series.id } });
      console.log(`fresh: removed the series' results first (${seconds(t).toFixed(1)} s, not counted)`);
    }
    const before = await prisma.result.count({ where: { seriesId: series.id } });

    const t0 = performance.now();
    const fileKey = `imports/results/${SERIES}/bench-${Date.now()}.csv`;
    await storeFile(fileKey, await readFile(FILE));
    const job = await prisma.importJob.create({
      data: { seriesId: series.id, fileKey, fileName: "bench.csv", createdById: board.id },
    });
    const stored = seconds(t0);

    const t1 = performance.now();
    const checked = await runResultsImportJob(job.id);
    const check = seconds(t1);
    const ready = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    if (checked.status !== "ready")
      throw new Error(`the check said ${checked.status}: ${JSON.stringify(ready.errors)}`);

    await prisma.importJob.update({ where: { id: job.id }, data: { status: "loading", processedRows: 0 } });
    const t2 = performance.now();
    const loaded = await runResultsImportJob(job.id);
    const load = seconds(t2);
    const done = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    if (loaded.status !== "done") throw new Error(`the load said ${loaded.status}: ${JSON.stringify(done.errors)}`);
    const total = seconds(t0);

    const report = done.errors as { counts: { results: number; components: number; boundaries: number } };
    const after = await prisma.result.count({ where: { seriesId: series.id } });
    const rows = done.totalRows;
    console.log(
      `rows ${rows.toLocaleString("en-GB")} (${report.counts.results.toLocaleString("en-GB")} results, ` +
        `${report.counts.components.toLocaleString("en-GB")} component results, ${report.counts.boundaries} boundaries); ` +
        `results before ${before.toLocaleString("en-GB")}, after ${after.toLocaleString("en-GB")}`,
    );
    console.log(`store ${stored.toFixed(1)} s`);
    console.log(`check ${check.toFixed(1)} s (${rate(rows, check)} rows/s)`);
    console.log(`load  ${load.toFixed(1)} s (${rate(rows, load)} rows/s)`);
    console.log(`total ${total.toFixed(1)} s (${rate(rows, total)} rows/s)`);
  } finally {
    await closePrisma();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
