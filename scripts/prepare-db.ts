// Brings the database up to date before a server opens it: apply the migrations and, when the
// database is empty, seed the demo data. PGlite allows one process per data directory, so this
// finishes and closes its connection before the server starts.
import path from "node:path";

export async function prepareDatabase(log: (line: string) => void) {
  const { applyMigrations } = await import("../lib/db/migrations");
  const { getPrisma, closePrisma, isPostgresUrl } = await import("../lib/db/client");
  const target = isPostgresUrl(process.env.DATABASE_URL)
    ? { url: process.env.DATABASE_URL }
    : { pgliteDir: path.resolve(process.env.PGLITE_DIR ?? ".data/pglite") };
  const { applied } = await applyMigrations(target);
  log(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
  const prisma = getPrisma();
  if ((await prisma.centre.count()) === 0) {
    const { seedDemo } = await import("../prisma/seed");
    await seedDemo(prisma);
    log("seeded the demo data");
  }
  await closePrisma();
}
