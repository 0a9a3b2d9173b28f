// `npm start`: migrate → seed the demo data if the database is empty → build if the sources
// changed → serve on http://localhost:3000. Runs on the embedded database unless DATABASE_URL
// is set. Second and later runs skip what is already done.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareLocalEnv } from "./local-env";
import { prepareDatabase } from "./prepare-db";

const started = Date.now();
const log = (line: string) => console.log(`[porth] ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

prepareLocalEnv();
(process.env as Record<string, string>).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { loadEnv } = await import("../lib/env");
try {
  loadEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// 1. Database: migrate and, if empty, seed.
await prepareDatabase(log);

// 2. Build when there is no build or the sources changed since the last one.
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package.json",
  "instrumentation.ts",
  "postcss.config.mjs",
];
function sourceStamp(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes(`lib${path.sep}generated`)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(path.join(p, e));
    else hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}
const stampFile = ".next/porth-build-stamp";
const stamp = sourceStamp();
if (!existsSync(".next/BUILD_ID") || !existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
  log("building (first run or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, stamp);
  log("built");
}

// 3. Serve.
const port = process.env.PORT ?? "3000";
// Loopback only unless a host is configured: the portal is not put on the network by accident.
const host = process.env.HOST ?? "127.0.0.1";
log(`serving http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
const server = spawn("npx", ["next", "start", "-p", port, "-H", host], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
