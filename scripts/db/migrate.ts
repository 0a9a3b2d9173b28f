// `npm run db:migrate` — like `prisma migrate deploy`, offline (WASM schema engine): applies the
// pending migrations of prisma/migrations to the configured database — DATABASE_URL when it is
// a postgres:// URL, else the PGlite data dir PGLITE_DIR (default .data/pglite).
// PGlite has no file lock: stop the server before migrating its data dir.
import { closePrisma, resolveDatabaseConfig } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations";

async function main() {
  const config = resolveDatabaseConfig();
  const where = config.kind === "postgres" ? new URL(config.url).host + new URL(config.url).pathname : config.dataDir;
  console.log(`Migrating ${config.kind} database (${where})`);
  try {
    const { applied } = await applyMigrations(undefined, { log: (line) => console.log(line) });
    if (applied.length === 0) console.log("No pending migrations: the database is up to date.");
  } finally {
    await closePrisma();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`db:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
