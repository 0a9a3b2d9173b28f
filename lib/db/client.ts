// The Prisma client for the whole app (server code, scripts and tests).
//
// Two databases, one schema and one migration history:
//   - DATABASE_URL=postgres://… or postgresql://… → PostgreSQL through @prisma/adapter-pg.
//   - otherwise the embedded default: PGlite (real PostgreSQL compiled to WASM, in-process) with
//     its data in PGLITE_DIR (default .data/pglite, relative to the working directory).
//
// Nothing here touches the database at import time (`next build` imports server modules):
// getPrisma() only builds the client, and the PGlite instance / pg pool are opened on the
// first query.
//
// PGlite has NO file lock: only one process may open a data dir at a time. Never run
// `npm run db:migrate` or a seed against the directory while the server is using it.
//
// No `import "server-only"` on purpose: scripts and Vitest import this module too.
//
// ── Bulk loading (seeds) ─────────────────────────────────────────────────────────────────────
// `createMany` is fine for thousands of rows. For hundreds of thousands:
//   1. Multi-row INSERTs in one transaction, ~500–1000 rows per statement, parameters inlined
//      or bound:  await prisma.$executeRawUnsafe(`INSERT INTO "Candidate" (...) VALUES ($1,…),(…)`, ...args)
//      (PostgreSQL allows at most 65535 bind parameters per statement.) Works on both databases.
//   2. COPY, the fastest way:
//      - PGlite: `const pg = await getPgliteReady()` (null on PostgreSQL), then
//          await pg.query(`COPY "Candidate" ("id","centreId",…) FROM '/dev/blob' WITH (FORMAT csv)`,
//                         [], { blob: new Blob([csvText]) });
//      - PostgreSQL: `COPY … FROM STDIN` needs the `pg-copy-streams` package (not installed);
//        use option 1 there, or `psql \copy`.
//   Table and column names are the Prisma model / field names, double-quoted ("Candidate",
//   "centreId"). Ids are cuid() defaults applied by Prisma, not the database: generate them
//   yourself when bypassing Prisma (any unique string works, e.g. crypto.randomUUID()).
//   Run seeds with the server stopped when on PGlite (no file lock, see above).

import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { withoutNulBytes } from "./nul-guard";

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function isPostgresUrl(url: string | undefined | null): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Which database the environment points at (see the top of this file). */
export function resolveDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (isPostgresUrl(env.DATABASE_URL)) return { kind: "postgres", url: env.DATABASE_URL };
  return {
    kind: "pglite",
    dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DIR || ".data/pglite"),
  };
}

/**
 * An adapter factory for a PGlite instance that is only created when Prisma first connects.
 *
 * Wraps pglite-prisma-adapter to fix two things:
 *  - its `executeScript` does not await `exec()`, so a failing script (e.g. a migration) would
 *    be reported as a success and its error surface as an unhandled rejection;
 *  - its shadow databases (used by the schema engine when creating migrations) are never closed.
 */
export function pgliteAdapterFactory(
  getInstance: () => PGlite | Promise<PGlite>,
): SqlMigrationAwareDriverAdapterFactory {
  const wrap = async (pg: PGlite, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> => {
    await pg.waitReady;
    const adapter = await new PrismaPGlite(pg).connect();
    const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await pg.exec(script);
      } catch (e) {
        onError(e);
      }
    };
    if (onDispose) {
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await onDispose();
      };
    }
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => wrap(await getInstance()),
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      return wrap(shadow, () => shadow.close());
    },
  };
}

type DbState = {
  prisma?: PrismaClient;
  /** The PGlite instance behind `prisma` (created lazily), when on PGlite. */
  pglite?: PGlite | null;
  /** Set by setPrismaForTests: the client is owned by the test, closePrisma() leaves it alone. */
  external?: boolean;
};

// Cached on globalThis so that Next's dev server (which re-evaluates modules on HMR) keeps a
// single client — and above all a single PGlite instance on the data dir.
const globalForDb = globalThis as typeof globalThis & { __porthDb?: DbState };
const state: DbState = (globalForDb.__porthDb ??= {});

/**
 * The PGlite instance the app uses, opening it on first call; null on PostgreSQL.
 * Prefer getPgliteReady() if you are about to query it.
 */
export function getPglite(): PGlite | null {
  if (state.pglite !== undefined) return state.pglite;
  if (state.external) return null;
  if (process.env.VITEST) {
    throw new Error("getPglite() called in a test without a test database: call createTestDb() first");
  }
  const config = resolveDatabaseConfig();
  state.pglite = config.kind === "pglite" ? openPglite(config.dataDir) : null;
  return state.pglite;
}

/** Opens (creating if need be) a PGlite data dir. Nothing else may have it open. */
export function openPglite(dataDir: string): PGlite {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), dataDir);
  mkdirSync(path.dirname(dir), { recursive: true }); // PGlite creates the dir, not its parents
  return new PGlite(dir);
}

/** getPglite(), once the instance has finished opening. */
export async function getPgliteReady(): Promise<PGlite | null> {
  const pg = getPglite();
  if (pg) await pg.waitReady;
  return pg;
}

function createPrisma(): PrismaClient {
  const config = resolveDatabaseConfig();
  if (config.kind === "postgres") {
    return new PrismaClient({ adapter: withoutNulBytes(new PrismaPg({ connectionString: config.url })) });
  }
  return new PrismaClient({
    adapter: withoutNulBytes(
      pgliteAdapterFactory(() => {
        const pg = getPglite();
        if (!pg) throw new Error("PGlite instance unavailable");
        return pg;
      }),
    ),
  });
}

/** The app's Prisma client: a lazy singleton that does not open the database until a query. */
export function getPrisma(): PrismaClient {
  if (!state.prisma && process.env.VITEST) {
    // Never let a test fall through to the developer's database (.data/pglite may be open in
    // the dev server, and PGlite has no file lock).
    throw new Error("getPrisma() called in a test without a test database: call createTestDb() first");
  }
  state.prisma ??= createPrisma();
  return state.prisma;
}

/**
 * Points the whole app (everything that calls getPrisma()) at a test database.
 * Pass the test's PGlite instance too if code under test uses getPglite() (bulk loads).
 * The caller stays responsible for closing what it passed in.
 */
export function setPrismaForTests(client: PrismaClient, pglite: PGlite | null = null): void {
  state.prisma = client;
  state.pglite = pglite;
  state.external = true;
}

/** Disconnects the client and closes the PGlite instance (scripts call this before exiting). */
export async function closePrisma(): Promise<void> {
  const { prisma, pglite, external } = state;
  state.prisma = undefined;
  state.pglite = undefined;
  state.external = undefined;
  if (external) return;
  if (prisma) await prisma.$disconnect().catch(() => {});
  if (pglite && !pglite.closed) await pglite.close();
}

/** `SELECT 1` within `timeoutMs`; false on any error or timeout (health checks). */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref?.();
  });
  const ping = getPrisma()
    .$queryRawUnsafe("SELECT 1")
    .then(() => true as const)
    .catch(() => false as const);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type { PrismaClient };
