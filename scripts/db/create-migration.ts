// `npm run db:migrate:create -- <name> [--allow-empty]` — like `prisma migrate dev --create-only`,
// offline: writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql for the difference
// between prisma/schema.prisma and the migration history. Touches no real database (the diff is
// computed on in-memory PGlite). Review the SQL, then `npm run db:migrate` to apply it.
import { createMigration } from "../../lib/db/migrations";

async function main() {
  const args = process.argv.slice(2);
  const allowEmpty = args.includes("--allow-empty");
  const name = args.filter((a) => !a.startsWith("--")).join("_");
  if (!name) {
    console.error("Usage: npm run db:migrate:create -- <name> [--allow-empty]");
    process.exit(2);
  }
  const { created } = await createMigration(name, { allowEmpty, log: (line) => console.log(line) });
  if (!created) console.log("No schema changes: schema.prisma matches the migration history; nothing written.");
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`db:migrate:create failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
