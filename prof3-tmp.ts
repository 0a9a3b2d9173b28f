import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
const sqlText = readFileSync("prisma/migrations/20261122041518_init/migration.sql", "utf8");
async function run(label: string, mkId: (n: number) => string, dropIdx: boolean) {
  const pg = new PGlite();
  await pg.exec(sqlText);
  await pg.exec(`ALTER TABLE "ComponentResult" DROP CONSTRAINT "ComponentResult_resultId_fkey"; ALTER TABLE "ComponentResult" DROP CONSTRAINT "ComponentResult_componentId_fkey";`);
  if (dropIdx) await pg.exec(`DROP INDEX "ComponentResult_componentId_idx"; DROP INDEX "ComponentResult_resultId_componentId_key";`);
  const comps = Array.from({ length: 21 }, (_, i) => `cmwrbtmwh00${String(i).padStart(2, "0")}nt7dmv6xyrli`);
  const t = performance.now();
  let n = 0;
  for (let b = 0; b < 10; b++) {
    const lines: string[] = [];
    for (let i = 0; i < 50000; i++) { n++; const r = Math.floor(n / 3); lines.push(`${mkId(n)}\t${mkId(r)}r\t${comps[n % 21]}\t${n % 80}\t{1,2,3,4,5,6}`); }
    await pg.query(`COPY "ComponentResult" ("id","resultId","componentId","mark","itemMarks") FROM '/dev/blob'`, [], { blob: new Blob([lines.join("\n") + "\n"]) });
  }
  const ms = performance.now() - t;
  console.log(label, Math.round(500000 / (ms / 1000)), "rows/s");
  await pg.close();
}
await run("base36", (n) => `xsm70001-${n.toString(36)}`, false);
await run("padded", (n) => `xsm70001-${n.toString(36).padStart(6, "0")}`, false);
await run("base36 noidx", (n) => `xsm70001-${n.toString(36)}`, true);
