// The server the end-to-end tests run against: a fresh database (a new PGlite dir, or a new
// database on the PostgreSQL server when DATABASE_URL is set), the demo seed plus the e2e
// fixtures, an empty outbox, then `next start` on E2E_PORT. Needs a build (scripts/test.ts).
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_ENV } from "../tests/e2e/env";

Object.assign(process.env, E2E_ENV);

if (process.env.DATABASE_URL) {
  // A fresh database on the same server, so the run never touches real data.
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS porth_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE porth_e2e");
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = "/porth_e2e";
  process.env.DATABASE_URL = url.toString();
} else {
  rmSync(E2E_ENV.PGLITE_DIR, { recursive: true, force: true });
}
rmSync(E2E_ENV.OUTBOX_DIR, { recursive: true, force: true });
// The real time until a test pins it.
mkdirSync(path.dirname(E2E_ENV.PORTH_TEST_CLOCK_FILE), { recursive: true });
writeFileSync(E2E_ENV.PORTH_TEST_CLOCK_FILE, "");
// The authenticator steps the tests used belong to the old database.
rmSync(path.resolve(E2E_ENV.OUTBOX_DIR, "..", "totp-steps.json"), { force: true });
// So are the sessions tests/e2e/accounts.setup.ts stored.
rmSync(path.resolve(E2E_ENV.OUTBOX_DIR, "..", "auth"), { recursive: true, force: true });

const { applyMigrations } = await import("../lib/db/migrations");
const { getPrisma, closePrisma } = await import("../lib/db/client");
await applyMigrations(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { pgliteDir: path.resolve(E2E_ENV.PGLITE_DIR) },
);
const { seedDemo } = await import("../prisma/seed");
const { seedE2eFixtures } = await import("../tests/e2e/fixtures-seed");
const prisma = getPrisma();
await seedDemo(prisma);
await seedE2eFixtures(prisma);
await closePrisma();

const server = spawn("npx", ["next", "start", "-p", E2E_ENV.PORT, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
