// A fresh, migrated database for one integration test file.
//
//   const db = await createTestDb();   // in beforeAll
//   ... getPrisma() in app code now returns db.prisma ...
//   await db.close();                  // in afterAll
//
// - DATABASE_URL=postgres://… (CI against PostgreSQL 15): creates database porth_t_<random> on
//   that server, applies prisma/migrations to it, and drops it on close. The URL's user must be
//   allowed to CREATE DATABASE.
// - otherwise: an in-memory PGlite.
//
// Speed (measured on the 2-core machines): the WASM schema engine is not the slow part
// (~0.3 s to load, ~0.2 s to apply the migrations), so migrations go through the real engine
// and `_prisma_migrations` is exactly what `prisma migrate deploy` writes. The slow part is
// PGlite itself: a new empty in-memory instance takes 2.5–4.5 s to initialise, whereas loading
// a dump of an already-migrated one takes under 1 s. So the first caller builds a migrated
// template once, dumps it to node_modules/.cache/porth/ (keyed by a hash of the migration
// files and the PGlite version, written atomically so parallel workers may race safely), and
// every test database is loaded from that dump.

import { createHash, randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { isPostgresUrl, pgliteAdapterFactory, setPrismaForTests } from "../../lib/db/client";
import { withoutNulBytes } from "../../lib/db/nul-guard";
import { applyMigrations, readMigrationsList } from "../../lib/db/migrations";
import { PrismaClient } from "../../lib/generated/prisma/client";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const CACHE_DIR = path.join(ROOT, "node_modules/.cache/porth");

export type TestDb = {
  prisma: PrismaClient;
  /** The in-memory PGlite instance; null on PostgreSQL. */
  pglite: PGlite | null;
  /** The test database's URL on PostgreSQL; null on PGlite. */
  url: string | null;
  close(): Promise<void>;
};

export async function createTestDb(): Promise<TestDb> {
  const db = isPostgresUrl(process.env.DATABASE_URL)
    ? await createPostgresTestDb(process.env.DATABASE_URL)
    : await createPgliteTestDb();
  setPrismaForTests(db.prisma, db.pglite);
  return db;
}

// ───────────────────────── PGlite ─────────────────────────

async function createPgliteTestDb(): Promise<TestDb> {
  const template = await pgliteTemplate();
  const pglite = new PGlite({ loadDataDir: template });
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: withoutNulBytes(pgliteAdapterFactory(() => pglite)) });
  return {
    prisma,
    pglite,
    url: null,
    async close() {
      await prisma.$disconnect().catch(() => {});
      if (!pglite.closed) await pglite.close();
    },
  };
}

let templatePromise: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  templatePromise ??= (async () => {
    const file = path.join(CACHE_DIR, `pglite-template-${await migrationsHash()}.tar`);
    const cached = await fs.readFile(file).catch(() => null);
    if (cached) return new Blob([cached]);

    const pglite = new PGlite();
    try {
      await applyMigrations(pglite, { migrationsDir: MIGRATIONS_DIR });
      const dump = await pglite.dumpDataDir("none");
      const bytes = Buffer.from(await dump.arrayBuffer());
      await fs.mkdir(CACHE_DIR, { recursive: true });
      await removeStaleTemplates();
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
      return new Blob([bytes]);
    } finally {
      await pglite.close();
    }
  })();
  templatePromise.catch(() => {
    templatePromise = undefined;
  });
  return templatePromise;
}

/** Changes whenever a migration file (or the PGlite build) changes. */
async function migrationsHash(): Promise<string> {
  const list = await readMigrationsList(MIGRATIONS_DIR);
  const hash = createHash("sha256");
  const require = createRequire(import.meta.url);
  const pglitePkg = path.join(path.dirname(require.resolve("@electric-sql/pglite")), "..", "package.json");
  const pgliteVersion = await fs
    .readFile(pglitePkg, "utf8")
    .then((s) => (JSON.parse(s) as { version?: string }).version ?? "?")
    .catch(() => "?");
  hash.update(`pglite ${pgliteVersion}\n`);
  for (const dir of list.migrationDirectories) {
    const content = dir.migrationFile.content;
    hash.update(`${dir.path}\n${content.tag === "ok" ? content.value : "<unreadable>"}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

async function removeStaleTemplates(): Promise<void> {
  const names = await fs.readdir(CACHE_DIR).catch(() => [] as string[]);
  const cutoff = Date.now() - 60 * 60 * 1000; // leave recent ones alone (other workers' tmp files)
  for (const name of names.filter((n) => n.startsWith("pglite-template-"))) {
    const full = path.join(CACHE_DIR, name);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) await fs.rm(full, { force: true });
  }
}

// ───────────────────────── PostgreSQL ─────────────────────────

async function createPostgresTestDb(serverUrl: string): Promise<TestDb> {
  const name = `porth_t_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const testUrl = url.toString();

  // Runs on the database named in DATABASE_URL; CREATE/DROP DATABASE cannot run in the one
  // they target, and need no transaction.
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  await admin(`CREATE DATABASE "${name}"`);
  let prisma: PrismaClient | undefined;
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await applyMigrations({ url: testUrl }, { migrationsDir: MIGRATIONS_DIR });
    prisma = new PrismaClient({ adapter: withoutNulBytes(new PrismaPg({ connectionString: testUrl })) });
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
  const client = prisma;
  return {
    prisma: client,
    pglite: null,
    url: testUrl,
    async close() {
      await client.$disconnect().catch(() => {});
      await drop();
    },
  };
}
