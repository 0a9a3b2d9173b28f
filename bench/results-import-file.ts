// Writes a results import file (docs/results-import-format.md) for a whole series from the
// configured database — the input of bench/results-import.ts. With the board-sized seed
// (`npm run db:seed -- --scale board`) the 2027-06 series is about 925,000 results and 2.4
// million component results.
//
//   DATABASE_URL=postgresql://… npx tsx bench/results-import-file.ts [series=2027-06] [out=bench/out/results-2027-06.csv]
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";

const SERIES = process.argv[2] ?? "2027-06";
const OUT = process.argv[3] ?? `bench/out/results-${SERIES}.csv`;

async function main() {
  const { closePrisma, getPrisma } = await import("../lib/db/client");
  const { resultsImportLines } = await import("../tests/factories/results-import");
  const prisma = getPrisma();
  try {
    const series = await prisma.series.findUniqueOrThrow({ where: { code: SERIES }, select: { id: true } });
    await mkdir(path.dirname(OUT), { recursive: true });
    const out = createWriteStream(OUT);
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    for await (const chunk of resultsImportLines(prisma, series.id, { centresPerBatch: 25 })) {
      bytes += Buffer.byteLength(chunk);
      lines += chunk.split("\r\n").length - 1;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${OUT}: ${lines.toLocaleString("en-GB")} lines, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
    );
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
