// Benchmark: the results file of one centre of 3,000 candidates (the goal: it downloads in
// about a second). Builds an in-memory PGlite database with the
// factories, then times producing the whole CSV (a) row by row, as the data layer reads them for
// the centre's A2C key (resultsFileForKey), and (b) as the byte stream a download route returns
// (csvResponse of resultsFileLines).
//
//   npx tsx bench/results-file.ts [candidates=3000] [runs=3]
import { register } from "node:module";

// The DAL starts with `import "server-only"`, which throws outside React Server Components;
// in this script resolve it to an empty module (as vitest.config.ts does for the tests).
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : n(s, c); }`,
  )}`,
);

const CANDIDATES = Number(process.argv[2] ?? 3000);
const RUNS = Number(process.argv[3] ?? 3);

async function main() {
  const { createTestDb } = await import("../tests/utils/test-db");
  const f = await import("../tests/factories");
  // After the series' results are released (the data layer reads the clock itself).
  process.env.PORTH_FAKE_NOW = "2027-09-01T09:00:00Z";
  const { resultsFileHeader, resultsFileLine, resultsFileLines } = await import("../lib/results/files");
  const { resultsFileForKey } = await import("../lib/data/results/file");
  const { authenticateKey } = await import("../lib/data/a2c/keys");
  const { hashKey, newKeyValue, PREFIX_LENGTH } = await import("../lib/a2c/key");
  const { csvResponse } = await import("../lib/http/responses");

  const setupStart = performance.now();
  const db = await createTestDb();
  const catalogue = await f.createQualificationCatalogue(db.prisma);
  const centre = await f.createCentre(db.prisma, { number: "68999" });
  const series = await f.createSeries(db.prisma);
  await f.createGradeBoundaries(db.prisma, series, catalogue.components);
  const candidates = await f.createCandidates(db.prisma, centre, CANDIDATES);
  const made = await f.createEntriesAndResults(db.prisma, centre, series, candidates, catalogue.specs);
  const setupMs = performance.now() - setupStart;
  console.log(
    `setup: ${candidates.length} candidates, ${made.entries.length} entries, ${made.results.length} results, ${made.componentResults.length} component results in ${Math.round(setupMs)} ms`,
  );

  // The rows are served to a signed-in person or to the centre's A2C key; the bench is the key.
  const token = newKeyValue();
  const user = await f.createUser(db.prisma, { role: "EXAMS_OFFICER", centre });
  await db.prisma.a2CKey.create({
    data: {
      centreId: centre.id,
      name: "bench",
      prefix: token.slice(0, PREFIX_LENGTH),
      keyHash: hashKey(token),
      createdById: user.id,
    },
  });
  const auth = await authenticateKey(token);
  if (!auth.ok) throw new Error("the bench key was not accepted");
  const rowsOf = async () => {
    const file = await resultsFileForKey(auth.key, series.id);
    if (!file.ok || !file.released) throw new Error("the results file was refused");
    return file.rows;
  };
  for (let run = 1; run <= RUNS; run++) {
    let start = performance.now();
    let rows = 0;
    let bytes = Buffer.byteLength(resultsFileHeader());
    for await (const row of await rowsOf()) {
      rows += 1;
      bytes += Buffer.byteLength(resultsFileLine(row));
    }
    const rowsMs = performance.now() - start;

    start = performance.now();
    const reader = csvResponse(resultsFileLines(await rowsOf()), "results.csv").body!.getReader();
    let streamBytes = 0;
    let firstByteMs: number | null = null;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (firstByteMs === null) firstByteMs = performance.now() - start;
      streamBytes += value.byteLength;
    }
    const streamMs = performance.now() - start;
    console.log(
      `run ${run}: rows ${rows} rows, ${bytes} bytes in ${Math.round(rowsMs)} ms | route stream ${streamBytes} bytes in ${Math.round(streamMs)} ms (first byte after ${Math.round(firstByteMs ?? 0)} ms)`,
    );
  }
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
