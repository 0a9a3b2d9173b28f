// `npm run dev`: the development server (hot reload) on the embedded database, or on
// DATABASE_URL when set. Prepares the database first, as `npm start` does, then serves on
// http://localhost:3000 (loopback only unless HOST is set).
import { spawn } from "node:child_process";
import { prepareLocalEnv } from "./local-env";
import { prepareDatabase } from "./prepare-db";

const started = Date.now();
const log = (line: string) => console.log(`[porth] ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

(process.env as Record<string, string>).NODE_ENV ??= "development";
process.env.NEXT_TELEMETRY_DISABLED = "1";
prepareLocalEnv();

const { loadEnv } = await import("../lib/env");
try {
  loadEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
await prepareDatabase(log);

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
log(`development server on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
const server = spawn("npx", ["next", "dev", "-p", port, "-H", host], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
