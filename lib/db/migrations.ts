// Offline Prisma migrations through the WASM schema engine (@prisma/schema-engine-wasm).
//
// The Prisma CLI needs a native schema engine that it downloads on first use, which fails on
// machines without internet access (docs/decisions/002-offline-migrations.md), so `prisma migrate …` is not used.
// The WASM build of the same engine (loaded by lib/db/schema-engine.ts) talks to the database
// through a Prisma driver adapter:
//
//   applyMigrations()  ≙ `prisma migrate deploy`: applies the pending directories of
//                        prisma/migrations in order and records them in `_prisma_migrations`
//                        exactly like the CLI does (so the real CLI works on the same database
//                        wherever the native engine is available). Idempotent.
//   createMigration()  ≙ `prisma migrate dev --create-only`: diffs schema.prisma against the
//                        migration history replayed on an in-memory PGlite shadow database and
//                        writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql.
//
// Migrations are created on PGlite only: the engine's shadow database handling fails through
// @prisma/adapter-pg. Applying them works on both PGlite and PostgreSQL.
// PGlite is PostgreSQL 18 and production is PostgreSQL 15: generated SQL is plain DDL, but
// hand-written additions must stick to what PostgreSQL 15 accepts.

import { promises as fs } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaContainer, SchemaFilter } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { getPgliteReady, isPostgresUrl, openPglite, pgliteAdapterFactory, resolveDatabaseConfig } from "./client";
import { withEngine } from "./schema-engine";

export const DEFAULT_SCHEMA_PATH = "prisma/schema.prisma";
export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";
const LOCKFILE = "migration_lock.toml";
const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Where to apply migrations:
 *  - a PGlite instance (a data dir or in-memory; left open),
 *  - `{ pgliteDir }`: opens that data dir, closes it afterwards (nothing else may have it open),
 *  - `{ url }`: a postgres:// / postgresql:// URL,
 *  - omitted: the app's database as configured by the environment (lib/db/client.ts) — on PGlite
 *    this is the process's shared instance, so call closePrisma() when done.
 */
export type MigrationTarget = PGlite | { pgliteDir: string } | { url: string };

export type MigrationOptions = {
  /** Default prisma/migrations (relative to the working directory). */
  migrationsDir?: string;
  /** Default prisma/schema.prisma. A directory is searched for *.prisma files. */
  schemaPath?: string;
  /** Called once per migration applied / created. */
  log?: (line: string) => void;
};

// ───────────────────────── files ─────────────────────────

/** The schema file(s), as the engine wants them. */
export async function readSchemaFiles(schemaPath = DEFAULT_SCHEMA_PATH): Promise<SchemaContainer[]> {
  const abs = path.resolve(schemaPath);
  const stat = await fs.stat(abs);
  if (!stat.isDirectory()) return [{ path: abs, content: await fs.readFile(abs, "utf8") }];
  const entries = await fs.readdir(abs, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".prisma"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return Promise.all(files.map(async (f) => ({ path: f, content: await fs.readFile(f, "utf8") })));
}

/** prisma/migrations as the engine wants it — the same shape the Prisma CLI builds. */
export async function readMigrationsList(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await fs.readFile(path.join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await fs
          .readFile(path.join(baseDir, name, "migration.sql"), "utf8")
          .then((value) => ({ tag: "ok" as const, value }))
          .catch((e: Error) => ({ tag: "error" as const, value: e.message })),
      },
    })),
  );
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Names of the migration directories, in the order they apply. */
export async function listMigrationNames(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  return (await readMigrationsList(migrationsDir)).migrationDirectories.map((d) => d.path);
}

// ───────────────────────── migrate deploy ─────────────────────────

async function openTarget(
  target: MigrationTarget | undefined,
): Promise<{ factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> }> {
  if (target instanceof PGlite) {
    return { factory: pgliteAdapterFactory(() => target), close: async () => {} };
  }
  if (target && "pgliteDir" in target) {
    const db = openPglite(target.pgliteDir);
    return { factory: pgliteAdapterFactory(() => db), close: () => db.close() };
  }
  let url: string;
  if (target && "url" in target) {
    if (!isPostgresUrl(target.url)) throw new Error("applyMigrations: url must be postgres:// or postgresql://");
    url = target.url;
  } else {
    const config = resolveDatabaseConfig();
    if (config.kind === "pglite") {
      const db = await getPgliteReady();
      if (!db) throw new Error("PGlite instance unavailable");
      return { factory: pgliteAdapterFactory(() => db), close: async () => {} };
    }
    url = config.url;
  }
  // Our own pool, so that it can be ended here (the engine does not dispose adapters).
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const factory = new PrismaPg(pool);
  // The adapter runs a migration script by splitting it at every ";", which cuts a function
  // body ($$ … $$, as in the audit trail's append-only trigger) in two. PostgreSQL runs a
  // whole script in one simple query itself, so the script goes to it whole.
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return { factory, close: () => pool.end() };
}

/**
 * `prisma migrate deploy`: applies the migrations not yet recorded in `_prisma_migrations`,
 * in directory order. Returns the names applied (empty when up to date). Throws if a migration
 * fails (it is then recorded as failed, as with the CLI) or if an applied one was edited.
 */
export async function applyMigrations(
  target?: MigrationTarget,
  options: MigrationOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(options.migrationsDir);
  const schemaFiles = await readSchemaFiles(options.schemaPath).catch(() => []);
  const { factory, close } = await openTarget(target);
  try {
    const { appliedMigrationNames } = await withEngine(schemaFiles, factory, (engine) =>
      engine.applyMigrations({ migrationsList, filters: FILTERS }),
    );
    for (const name of appliedMigrationNames) options.log?.(`Applied ${name}`);
    return { applied: appliedMigrationNames };
  } finally {
    await close();
  }
}

// ───────────────────────── migrate dev --create-only ─────────────────────────

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * `prisma migrate dev --create-only --name <name>`: writes
 * `<migrationsDir>/<YYYYMMDDHHMMSS>_<name>/migration.sql` with the SQL that takes a database
 * from the current migration history to schema.prisma, and the lock file. Returns
 * `{ created: null }` and writes nothing when there is no difference (unless `allowEmpty`, which
 * writes an empty migration for hand-written SQL, like the CLI's --create-only).
 * Touches no real database: both databases involved are in-memory PGlite instances.
 */
export async function createMigration(
  name: string,
  options: MigrationOptions & { allowEmpty?: boolean } = {},
): Promise<{ created: string | null; sql: string | null }> {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error("createMigration: a name is required (letters, digits, underscores)");

  const migrationsList = await readMigrationsList(options.migrationsDir);
  const schemaFiles = await readSchemaFiles(options.schemaPath);
  const main = new PGlite();
  try {
    const result = await withEngine(
      schemaFiles,
      pgliteAdapterFactory(() => main),
      async (engine) => {
        // The same sequence as `migrate dev`. It matters: createMigration has no access to the
        // adapter's shadow database and reads the history's schema from a cache that only
        // devDiagnostic fills (on a database that has the history applied); calling it alone
        // fails with "PostgreSQL shadow DB must be provided through an external factory".
        await engine.applyMigrations({ migrationsList, filters: FILTERS });
        const { action } = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
        if (action.tag === "reset") {
          throw new Error(`The migration history is inconsistent: ${action.reason}`);
        }
        return engine.createMigration({
          draft: !!options.allowEmpty,
          migrationName: slug,
          migrationsList,
          schema: { files: schemaFiles },
          filters: FILTERS,
        });
      },
    );
    if (result.migrationScript === null) return { created: null, sql: null };

    // The engine names the directory <timestamp>_<name>; keep our own UTC timestamp if it ever
    // differs in shape, and never overwrite an existing directory.
    let dirName = result.generatedMigrationName || `${timestamp()}_${slug}`;
    if (!/^\d{14}_/.test(dirName)) dirName = `${timestamp()}_${slug}`;
    const baseDir = migrationsList.baseDir;
    const dir = path.join(baseDir, dirName);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `migration.${result.extension || "sql"}`), result.migrationScript, {
      flag: "wx",
    });
    await fs.writeFile(
      path.join(baseDir, LOCKFILE),
      "# Please do not edit this file manually\n" +
        "# It should be added in your version-control system (e.g., Git)\n" +
        `provider = "${result.connectorType}"\n`,
    );
    options.log?.(`Created ${path.relative(process.cwd(), path.join(dir, "migration.sql"))}`);
    return { created: dirName, sql: result.migrationScript };
  } finally {
    await main.close();
  }
}
