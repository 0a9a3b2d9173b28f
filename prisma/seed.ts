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
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Permission } from "@/lib/auth/catalogue";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createGradeBoundaries,
  createQualificationCatalogue,
  createQuestionPapers,
  createResources,
  createSeries,
  createReviewRequests,
  createScripts,
  createUser,
  DEMO_TOTP_SECRET,
  setScriptConsent,
  type Db,
} from "@/tests/factories";

export const DEMO_PASSWORD = "porth-demo-password";
export { DEMO_TOTP_SECRET };
export const DEMO_CENTRE_NUMBERS = ["68101", "68102", "68103"] as const;
export const DEMO_CANDIDATES_PER_CENTRE = 60;
export const DEMO_SERIES_CODE = "2027-06";

export const DEMO_CENTRES = [
  {
    number: "68101",
    nameEn: "Porth Comprehensive School",
    nameCy: "Ysgol Gyfun Porth",
    address: "Heol y Ddraenen\nPorth\nRhondda Cynon Taf\nCF39 0AB",
  },
  {
    number: "68102",
    nameEn: "Llanfair Community College",
    nameCy: "Coleg Cymunedol Llanfair",
    address: "Ffordd yr Ysgol\nLlanfair Caereinion\nPowys\nSY21 0HW",
  },
  {
    number: "68103",
    nameEn: "Glan Taf High School",
    nameCy: "Ysgol Uwchradd Glan Taf",
    address: "Glan Taf Road\nCardiff\nCF14 1AB",
  },
] as const;

export type DemoAccount = {
  email: string;
  role: "BOARD_STAFF" | "EXAMS_OFFICER" | "ADMIN" | "USER" | "APPOINTEE";
  centre?: (typeof DEMO_CENTRE_NUMBERS)[number];
  appointeeType?: "EXAMINER" | "MODERATOR";
  grants?: Permission[];
  title: string;
  name: string;
  jobRole: string;
  phone: string;
};

/** Every demo account: password DEMO_PASSWORD, an active authenticator-app factor (DEMO_TOTP_SECRET). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "board@board.test",
    role: "BOARD_STAFF",
    title: "Mr",
    name: "Gareth Hopkins",
    jobRole: "Centre Services Manager",
    phone: "+447700900101",
  },
  {
    email: "eo@68101.test",
    role: "EXAMS_OFFICER",
    centre: "68101",
    title: "Mrs",
    name: "Siân Prys",
    jobRole: "Exams Officer",
    phone: "+447700900102",
  },
  {
    email: "admin@68101.test",
    role: "ADMIN",
    centre: "68101",
    grants: ["a2c", "iamis", "access_arrangements", "scripts"],
    title: "Ms",
    name: "Catrin Huws",
    jobRole: "Assistant Exams Officer",
    phone: "+447700900103",
  },
  {
    email: "teacher@68101.test",
    role: "USER",
    centre: "68101",
    grants: [],
    title: "Mr",
    name: "Tomos Ellis",
    jobRole: "Teacher of Geography",
    phone: "+447700900104",
  },
  {
    email: "results.teacher@68101.test",
    role: "USER",
    centre: "68101",
    grants: ["results", "entries", "iamis"],
    title: "Dr",
    name: "Ffion Rhydderch",
    jobRole: "Head of Mathematics",
    phone: "+447700900105",
  },
  {
    email: "locktest@68101.test",
    role: "USER",
    centre: "68101",
    grants: [],
    title: "Mr",
    name: "Llŷr Jenkins",
    jobRole: "Teacher of Latin",
    phone: "+447700900106",
  },
  {
    email: "eo@68102.test",
    role: "EXAMS_OFFICER",
    centre: "68102",
    title: "Mr",
    name: "Alun Roberts",
    jobRole: "Examinations Officer",
    phone: "+447700900107",
  },
  {
    email: "examiner@appointees.test",
    role: "APPOINTEE",
    appointeeType: "EXAMINER",
    title: "Dr",
    name: "Eleri Morgan",
    jobRole: "Examiner, GCSE Latin",
    phone: "+447700900108",
  },
  {
    email: "moderator@appointees.test",
    role: "APPOINTEE",
    appointeeType: "MODERATOR",
    title: "Mrs",
    name: "Helen Charles",
    jobRole: "Moderator, GCSE Geography",
    phone: "+447700900109",
  },
];

export class SeedRefusedError extends Error {}

export type SeedArgs = { force: boolean; scale: "board" | null; migrate: boolean };

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { force: false, scale: null, migrate: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--force") args.force = true;
    else if (a === "--no-migrate") args.migrate = false;
    else if (a === "--scale" || a.startsWith("--scale=")) {
      const value = a === "--scale" ? argv[++i] : a.slice("--scale=".length);
      if (value !== "board") throw new SeedRefusedError(`Unknown --scale "${value ?? ""}": the only scale is "board".`);
      args.scale = "board";
    } else
      throw new SeedRefusedError(`Unknown argument "${a}". Usage: db:seed [-- --scale board] [--force] [--no-migrate]`);
  }
  return args;
}

/** Throws unless seeding is allowed here: never under NODE_ENV=production without --force. */
export function assertSeedAllowed(env: NodeJS.ProcessEnv, args: Pick<SeedArgs, "force">): void {
  if (env.NODE_ENV === "production" && !args.force) {
    throw new SeedRefusedError(
      "Refusing to seed: NODE_ENV=production. The demo accounts share a published password and TOTP secret; " +
        "re-run with --force only if this is not a live board.",
    );
  }
  if (!env.MFA_ENCRYPTION_KEY) {
    throw new SeedRefusedError(
      "MFA_ENCRYPTION_KEY is not set: the seed encrypts the demo TOTP secret with it. Set it (e.g. in .env) to the value the app uses.",
    );
  }
}

export type DemoCounts = Record<
  | "centres"
  | "users"
  | "candidates"
  | "entries"
  | "results"
  | "componentResults"
  | "gradeBoundaries"
  | "resources"
  | "questionPapers"
  | "specifications"
  | "components"
  | "scripts"
  | "reviewRequests",
  number
>;

export async function countRows(prisma: Db): Promise<DemoCounts> {
  const [
    centres,
    users,
    candidates,
    entries,
    results,
    componentResults,
    gradeBoundaries,
    resources,
    questionPapers,
    specifications,
    components,
    scripts,
    reviewRequests,
  ] = await Promise.all([
    prisma.centre.count(),
    prisma.user.count(),
    prisma.candidate.count(),
    prisma.entry.count(),
    prisma.result.count(),
    prisma.componentResult.count(),
    prisma.gradeBoundary.count(),
    prisma.resource.count(),
    prisma.questionPaper.count(),
    prisma.specification.count(),
    prisma.component.count(),
    prisma.script.count(),
    prisma.reviewRequest.count(),
  ]);
  return {
    centres,
    users,
    candidates,
    entries,
    results,
    componentResults,
    gradeBoundaries,
    resources,
    questionPapers,
    specifications,
    components,
    scripts,
    reviewRequests,
  };
}

/** True when the demo board is already in the database. */
export async function demoExists(prisma: Db): Promise<boolean> {
  const [centre, board] = await Promise.all([
    prisma.centre.findUnique({ where: { number: "68101" }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: "board@board.test" }, select: { id: true } }),
  ]);
  return Boolean(centre && board);
}

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
      const series = (await tx.series.findUnique({ where: { code: DEMO_SERIES_CODE } })) ?? (await createSeries(tx));
      const catalogue = await createQualificationCatalogue(tx);
      log(`Series ${series.code}; ${catalogue.specs.length} specifications, ${catalogue.components.length} components`);

      if ((await tx.gradeBoundary.count({ where: { seriesId: series.id } })) === 0) {
        await createGradeBoundaries(tx, series, catalogue.components);
      }

      const centres = [];
      for (const c of DEMO_CENTRES) {
        const centre =
          (await tx.centre.findUnique({ where: { number: c.number } })) ?? (await createCentre(tx, { ...c }));
        centres.push(centre);
        if ((await tx.candidate.count({ where: { centreId: centre.id } })) === 0) {
          const candidates = await createCandidates(tx, centre, candidatesPerCentre);
          const made = await createEntriesAndResults(tx, centre, series, candidates, catalogue.specs);
          // About a third of the candidates have consented to their scripts being seen; each of
          // their component results has a marked-script PDF.
          const consenting = await setScriptConsent(tx, candidates);
          const scripts = await createScripts(tx, centre, series, consenting, { writeFiles });
          log(
            `Centre ${centre.number}: ${candidates.length} candidates, ${made.entries.length} entries, ${made.componentResults.length} component results, ` +
              `${consenting.length} with script consent (${scripts.length} scripts)`,
          );
        }
      }

      for (const account of DEMO_ACCOUNTS) {
        if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
        const { centre, grants = [], ...fields } = account;
        await createUser(tx, {
          ...fields,
          centre: centre ? centres.find((c) => c.number === centre)!.id : null,
          appointeeType: account.appointeeType ?? null,
          grants,
          password: DEMO_PASSWORD,
          mfa: "totp",
          totpSecret: DEMO_TOTP_SECRET,
          mustChangePassword: false,
        });
      }
      log(`${DEMO_ACCOUNTS.length} demo accounts (password ${DEMO_PASSWORD}, TOTP secret ${DEMO_TOTP_SECRET})`);

      // A few post-results requests in each status, made by the centre's exams officer.
      for (const centre of centres) {
        if ((await tx.reviewRequest.count({ where: { centreId: centre.id } })) > 0) continue;
        const eo = await tx.user.findFirst({
          where: { centreId: centre.id, role: "EXAMS_OFFICER" },
          select: { id: true },
        });
        if (!eo) continue;
        const requests = await createReviewRequests(
          tx,
          centre,
          series,
          eo.id,
          new Date(series.releaseAt.getTime() + 5 * 86_400_000),
        );
        log(`Centre ${centre.number}: ${requests.length} post-results requests`);
      }

      if ((await tx.resource.count()) === 0) {
        const resources = await createResources(tx, catalogue.specs, { writeFiles });
        log(`${resources.length} resources`);
      }
      if ((await tx.questionPaper.count({ where: { seriesId: series.id } })) === 0) {
        const papers = await createQuestionPapers(tx, series, catalogue.components, { writeFiles });
        log(`${papers.length} question papers`);
      }
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
