// `npm run db:seed` — the demo board: three centres, the June 2027 series, a catalogue of GCSEs
// and A levels, ~60 candidates a centre with entries and results, grade boundaries, resources,
// today's question papers, marked scripts for the third of candidates who consented, a few
// reviews of marking, and the demo accounts (docs: README "Demo accounts").
//
//   npm run db:seed                      demo data (applies pending migrations first)
//   npm run db:seed -- --scale board     demo data + 1,500 centres / 250,000 candidates /
//                                        ~2.5 million component results (prisma/seed-scale.ts)
//   --force                              allow NODE_ENV=production (the demo accounts share a
//                                        published password and TOTP secret: never on a live board)
//   --no-migrate                         do not apply pending migrations first
//
// Idempotent: when centre 68101 and board@board.test exist the demo part is skipped, and the
// large part skips what it already loaded. The demo part is one transaction (all or nothing).
// The PDFs go to FILES_DIR (default .data/files). PGlite has no file lock: stop the server first.
//
// The parts are in prisma/seed/: the series and catalogue (catalogue.ts), the centres with their
// candidates, results, scripts and reviews (centres.ts), the accounts (accounts.ts), the
// resources and question papers (resources.ts), the command line (args.ts) and the counts
// (counts.ts).
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, seedAccounts } from "./seed/accounts";
import { assertSeedAllowed, parseSeedArgs, SeedRefusedError, type SeedArgs } from "./seed/args";
import { seedSeriesAndCatalogue } from "./seed/catalogue";
import { DEMO_CANDIDATES_PER_CENTRE, seedCentres, seedReviewRequests } from "./seed/centres";
import { countRows, demoExists } from "./seed/counts";
import { seedResources } from "./seed/resources";
import { seedAccessArrangements } from "./seed/access-arrangements";
import { seedDemoAllocations, seedPastResults, seedPastSeries } from "./seed/past-series";
import { seedModeration } from "./seed/moderation";
import { seedExaminerMarks } from "./seed/emi";
import { seedIamis } from "./seed/iamis";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoAccount } from "./seed/accounts";
export { assertSeedAllowed, parseSeedArgs, SeedRefusedError, type SeedArgs } from "./seed/args";
export { DEMO_SERIES_CODE } from "./seed/catalogue";
export { PAST_SERIES_CODE } from "./seed/past-series";
export { DEMO_CANDIDATES_PER_CENTRE, DEMO_CENTRE_NUMBERS, DEMO_CENTRES } from "./seed/centres";
export { countRows, demoExists, type DemoCounts } from "./seed/counts";

export type SeedDemoOptions = {
  candidatesPerCentre?: number;
  /** Write the resource / question-paper PDFs (default true; FILES_DIR, default .data/files). */
  writeFiles?: boolean;
  log?: (line: string) => void;
};

/**
 * Seeds the demo board in one transaction. Idempotent: does nothing (skipped: true) when the
 * demo data is already there. Needs MFA_ENCRYPTION_KEY. Safe to call in-process (start script,
 * e2e set-up, tests); it neither exits nor closes the client.
 */
export async function seedDemo(
  prisma: PrismaClient,
  options: SeedDemoOptions = {},
): Promise<{ skipped: boolean; ms: number }> {
  const started = performance.now();
  const { candidatesPerCentre = DEMO_CANDIDATES_PER_CENTRE, writeFiles = true, log = () => {} } = options;
  if (!process.env.MFA_ENCRYPTION_KEY)
    throw new SeedRefusedError("MFA_ENCRYPTION_KEY is not set: the seed encrypts the demo TOTP secret with it.");
  if (await demoExists(prisma)) {
    log("Demo data already present (centre 68101, board@board.test): nothing to do.");
    return { skipped: true, ms: performance.now() - started };
  }

  await prisma.$transaction(
    async (tx) => {
      const { series, catalogue } = await seedSeriesAndCatalogue(tx, log);
      const centres = await seedCentres(tx, series, catalogue, { candidatesPerCentre, writeFiles, log });
      await seedAccounts(tx, centres, log);
      await seedReviewRequests(tx, centres, series, log);
      await seedResources(tx, series, catalogue, { writeFiles, log });
      const past = await seedPastSeries(tx, catalogue, log);
      await seedPastResults(tx, centres, past, catalogue, { writeFiles, log });
      await seedDemoAllocations(tx, centres, series, catalogue, log);
      await seedAccessArrangements(tx, centres, series, log);
      await seedExaminerMarks(tx, series, { writeFiles, log });
      await seedIamis(tx, centres, series, log);
      // Moderation after the allocations and any IAMIS sheets: it moderates what is there.
      await seedModeration(tx, centres, series, log);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { skipped: false, ms: performance.now() - started };
}

function loadEnvFiles() {
  for (const file of [".env.local", ".env"]) {
    // Values already in the environment win (process.loadEnvFile does not override).
    if (existsSync(file)) process.loadEnvFile(file);
  }
}

async function main(argv: string[]): Promise<number> {
  loadEnvFiles();
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
    assertSeedAllowed(process.env, args);
  } catch (e) {
    if (e instanceof SeedRefusedError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }

  const started = performance.now();
  const { closePrisma, getPgliteReady, getPrisma, resolveDatabaseConfig } = await import("@/lib/db/client");
  const config = resolveDatabaseConfig();
  console.log(
    `Seeding ${config.kind === "postgres" ? new URL(config.url).host + new URL(config.url).pathname : config.dataDir}`,
  );
  try {
    if (args.migrate) {
      const { applyMigrations } = await import("@/lib/db/migrations");
      const { applied } = await applyMigrations();
      if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    }
    const prisma = getPrisma();
    const demo = await seedDemo(prisma, { log: (line) => console.log(`  ${line}`) });
    console.log(
      demo.skipped ? "Demo data: already present." : `Demo data: seeded in ${(demo.ms / 1000).toFixed(1)} s.`,
    );
    if (args.scale === "board") {
      const { seedScale } = await import("./seed-scale");
      await seedScale(prisma, { pglite: await getPgliteReady(), log: (line) => console.log(`  ${line}`) });
    }
    const counts = await countRows(prisma);
    console.log(
      `Database now holds: ${Object.entries(counts)
        .map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`)
        .join(", ")}.`,
    );
    console.log(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
    console.log(`  password "${DEMO_PASSWORD}", authenticator-app secret ${DEMO_TOTP_SECRET}`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await closePrisma();
  }
  return 0;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`db:seed failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
