// The world of bench/results-day.ts, made in the benchmark's own copy of the tree (it copies this
// file there and runs it with that copy's code and schema, on the benchmark's own database, after
// `prisma/seed.ts`): the scale load for the smaller scales, a centre of `fileCandidates` for the
// results file, the demo series' results released (its release instants moved into the past: the
// server's clock itself can be pinned only on the end-to-end database, lib/clock.ts), the exams
// officers of the largest centre and of the file's centre, accounts that sign in to be counted,
// and A2C keys of the largest and of a middle-sized centre. Prints one line of JSON: what the
// benchmark needs to sign in and call.
//
//   npx tsx bench/results-day-setup.ts '{"scale":"small","fileCandidates":3000,"signInAccounts":20}'
import { register } from "node:module";

// The data layer starts with `import "server-only"`, which throws outside React Server
// Components; here it is an empty module (as vitest.config.ts makes it for the tests).
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : n(s, c); }`,
  )}`,
);

export type SetupOptions = {
  scale: "board" | "small" | "smoke";
  fileCandidates: number;
  signInAccounts: number;
  password: string;
  totpSecret: string;
};

export type BenchWorld = {
  seriesCode: string;
  largest: { number: string; candidates: number; results: number; eo: string };
  file: { number: string; candidates: number; results: number; eo: string };
  signIn: string[];
  a2c: {
    largest: { id: string; token: string };
    median: { id: string; token: string; number: string; results: number };
  };
};

/** The centres the smaller scales add (the board scale is prisma/seed.ts --scale board's). */
const SCALES = { small: { centres: 40, candidates: 8_000 }, smoke: { centres: 6, candidates: 900 } } as const;
/** The results file's centre, numbered after every scale centre. */
const FILE_CENTRE_NUMBER = 79001;
const DAY = 86_400_000;

async function main(options: SetupOptions): Promise<BenchWorld> {
  const { getPgliteReady, getPrisma, closePrisma } = await import("../lib/db/client");
  const { seedScale } = await import("../prisma/seed-scale");
  const { createUser } = await import("../tests/factories");
  const { hashKey, newKeyValue, PREFIX_LENGTH } = await import("../lib/a2c/key");
  const prisma = getPrisma();
  const pglite = await getPgliteReady();
  const log = (line: string) => console.error(`  ${line}`);
  try {
    if (options.scale !== "board") await seedScale(prisma, { ...SCALES[options.scale], pglite, log });
    await seedScale(prisma, {
      centres: 1,
      candidates: options.fileCandidates,
      firstCentreNumber: FILE_CENTRE_NUMBER,
      pglite,
      log,
    });

    // Results day is past: the series' results are released to everyone.
    const series = await prisma.series.findUniqueOrThrow({ where: { code: "2027-06" } });
    const now = Date.now();
    await prisma.series.update({
      where: { id: series.id },
      data: {
        restrictedReleaseAt: new Date(now - 3 * DAY),
        releaseAt: new Date(now - 2 * DAY),
        resultsDay: new Date(new Date(now - 2 * DAY).toISOString().slice(0, 10)),
      },
    });

    const sizes = await prisma.$queryRaw<{ id: string; number: string; candidates: number; results: number }[]>`
      SELECT c.id, c.number,
        (SELECT count(*)::int FROM "Candidate" k WHERE k."centreId" = c.id) AS candidates,
        (SELECT count(*)::int FROM "Result" r WHERE r."centreId" = c.id AND r."seriesId" = ${series.id}) AS results
      FROM "Centre" c`;
    const byResults = sizes
      .filter((c) => c.number !== String(FILE_CENTRE_NUMBER))
      .sort((a, b) => b.results - a.results);
    const largest = byResults[0];
    const median = byResults[Math.floor(byResults.length / 2)];
    const fileCentre = sizes.find((c) => c.number === String(FILE_CENTRE_NUMBER))!;

    const account = (email: string, centreId: string, role: "EXAMS_OFFICER" | "USER") =>
      createUser(prisma, {
        email,
        role,
        centre: centreId,
        grants: role === "USER" ? ["results", "entries"] : [],
        password: options.password,
        mfa: "totp",
        totpSecret: options.totpSecret,
        mustChangePassword: false,
      });
    const eo = await account(`bench-eo-${largest.number}@bench.test`, largest.id, "EXAMS_OFFICER");
    const fileEo = await account(`bench-eo-${fileCentre.number}@bench.test`, fileCentre.id, "EXAMS_OFFICER");
    const signIn: string[] = [];
    for (let i = 1; i <= options.signInAccounts; i++) {
      const email = `bench-sign-in-${i}@bench.test`;
      await account(email, largest.id, "USER");
      signIn.push(email);
    }

    const key = async (centreId: string, createdById: string) => {
      const token = newKeyValue();
      const row = await prisma.a2CKey.create({
        data: {
          centreId,
          name: "Benchmark",
          prefix: token.slice(0, PREFIX_LENGTH),
          keyHash: hashKey(token),
          createdById,
        },
      });
      return { id: row.id, token };
    };
    const medianEo = await account(`bench-eo-${median.number}@bench.test`, median.id, "EXAMS_OFFICER");

    await prisma.$executeRawUnsafe("ANALYZE");
    return {
      seriesCode: series.code,
      largest: { number: largest.number, candidates: largest.candidates, results: largest.results, eo: eo.email },
      file: {
        number: fileCentre.number,
        candidates: fileCentre.candidates,
        results: fileCentre.results,
        eo: fileEo.email,
      },
      signIn,
      a2c: {
        largest: await key(largest.id, eo.id),
        median: { ...(await key(median.id, medianEo.id)), number: median.number, results: median.results },
      },
    };
  } finally {
    await closePrisma();
  }
}

main(JSON.parse(process.argv[2] ?? "{}") as SetupOptions).then(
  (world) => {
    console.log(JSON.stringify(world));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
