// `npm test`: lint and format checks, then every test — unit, integration (real database:
// in-memory PGlite by default, PostgreSQL when DATABASE_URL is set), then end-to-end in Chromium
// against a production build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const run = (label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  console.log(
    `◀ ${label}: ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. See README.`,
  );
  process.exit(1);
}
const testEnv = {
  ...process.env,
  MFA_ENCRYPTION_KEY: process.env.MFA_ENCRYPTION_KEY ?? "test-only-mfa-key-0123456789abcdefghijkl",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "test-only-auth-secret-0123456789abcdefghij",
};
run("lint and format (ESLint, Prettier)", "npm", ["run", "lint", "--silent"]);
run("unit and integration tests", "npx", ["vitest", "run"], testEnv);
run("production build", "npx", ["next", "build"], { ...process.env, NODE_ENV: "production" });
run("end-to-end tests (Chromium)", "npx", ["playwright", "test"]);
