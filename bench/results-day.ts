// Benchmark: results morning (issue 14). Every figure is a ratio to a bare page or a bare route
// handler served by the same production build in the same run, so the machine's speed and load
// divide out.
//
//   npx tsx bench/results-day.ts --scale board --db postgres     the board: 1,500 centres, 250,000 candidates
//   npx tsx bench/results-day.ts --scale board --db pglite       the same on the embedded database
//   npx tsx bench/results-day.ts --scale small --db pglite --smoke   CI: every path answers, the table prints
//
// What it does:
//  1. a git worktree of the commit (--ref, default HEAD) under the temporary directory, with a
//     bare dynamic page (/bench-bare) and a bare route handler (/api/bench-bare) added there only,
//     never to the tree itself; `prisma generate` and a production `next build` in it (kept and
//     reused for the same commit with --keep);
//  2. a database of its own (PostgreSQL database porth_bench_…, or a PGlite directory
//     …/porth-bench-…/pglite): prisma/seed.ts (--scale board for the board scale), then
//     bench/results-day-setup.ts: the results of the demo series released, a 3,000-candidate centre
//     for the results file, the exams officer of the largest centre and accounts to sign in, A2C
//     keys whose per-key limit is raised on this database only (lib/bench.ts);
//  3. `next start` on a free loopback port; signs in over HTTP as a browser without JavaScript
//     does (the forms and their hidden action fields; the code from lib/auth/totp.ts);
//  4. autocannon (loopback only), `--connections` for `--duration` seconds per path after a short
//     warm-up: the bare page and route, All Services, the results page (100 rows), the entries page,
//     the A2C results API for the largest and a middle-sized centre, and sign-ins (each one a
//     password check) against the argon2 ceiling measured in the same run; then the results file of
//     the 3,000-candidate centre end to end, the HTML size of each page, and two server processes
//     behind a small round-robin proxy (node:http, on loopback) against one (PostgreSQL only:
//     a PGlite directory belongs to one process).
//
// Options: --ref <commit> · --duration <s> (10; 1 with --smoke) · --connections <n> (50; 4 with
// --smoke) · --server <postgresql://…> (the server to create the database on: DATABASE_URL, else
// postgres:postgres@127.0.0.1:5432) · --keep (keep the worktree, its build and the database, and
// print their names) · --reuse-db <name> (a database a --keep run left: no seeding; pending
// migrations are applied, rate-limit windows cleared).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { totpCode } from "../lib/auth/totp";
import type { BenchWorld, SetupOptions } from "./results-day-setup";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PASSWORD = "bench-results-day-password";
const TOTP_SECRET = "JBSWY3DPEHPK3PXP";
const started = performance.now();
const say = (line: string) => console.error(`[bench] ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

// ───────────────────────── options ─────────────────────────

type Options = {
  scale: "board" | "small";
  db: "postgres" | "pglite";
  smoke: boolean;
  ref: string;
  duration: number;
  connections: number;
  server: string;
  keep: boolean;
  reuseDb: string | null;
};

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes("--smoke");
  const scale = value("--scale") ?? "board";
  const db = value("--db") ?? "postgres";
  if (scale !== "board" && scale !== "small") throw new Error(`--scale is board or small, not ${scale}`);
  if (db !== "postgres" && db !== "pglite") throw new Error(`--db is postgres or pglite, not ${db}`);
  return {
    scale,
    db,
    smoke,
    ref: value("--ref") ?? "HEAD",
    duration: Number(value("--duration") ?? (smoke ? 1 : 10)),
    connections: Number(value("--connections") ?? (smoke ? 4 : 50)),
    server: value("--server") ?? process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    keep: argv.includes("--keep"),
    reuseDb: value("--reuse-db") ?? null,
  };
}

// ───────────────────────── the build ─────────────────────────

/** Added to the benchmark's worktree only: the floor every page and route handler stands on. */
const BARE_FILES: Record<string, string> = {
  "app/bench-bare/page.tsx": `import { connection } from "next/server";

// The benchmark's bare dynamic page: the root layout and nothing else (bench/results-day.ts).
export default async function BenchBarePage() {
  await connection();
  return <main id="main"><h1>Bare</h1></main>;
}
`,
  "app/api/bench-bare/route.ts": `// The benchmark's bare route handler (bench/results-day.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ ok: true });
}
`,
};

type Env = Record<string, string | undefined>;

function run(command: string, args: string[], options: { cwd: string; env?: Env; quiet?: boolean }) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: (options.env ?? process.env) as NodeJS.ProcessEnv,
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})\n${result.stderr ?? ""}`);
  return result.stdout ?? "";
}

/** The worktree of `sha` with the bare page and route, built; reused when a kept one is there. */
async function prepareBuild(sha: string): Promise<{ dir: string; made: boolean }> {
  const dir = path.join(os.tmpdir(), `porth-bench-${sha.slice(0, 12)}`);
  const stamp = path.join(dir, ".next", "porth-bench-build");
  if (existsSync(stamp) && (await fs.readFile(stamp, "utf8")) === sha) {
    say(`reusing the build in ${dir}`);
    return { dir, made: false };
  }
  if (existsSync(dir)) run("git", ["worktree", "remove", "--force", dir], { cwd: REPO, quiet: true });
  run("git", ["worktree", "add", "--detach", dir, sha], { cwd: REPO, quiet: true });
  // The installed packages, as hard links (a plain copy across file systems).
  const linked = spawnSync("cp", ["-al", path.join(REPO, "node_modules"), path.join(dir, "node_modules")]);
  if (linked.status !== 0)
    run("cp", ["-a", path.join(REPO, "node_modules"), path.join(dir, "node_modules")], { cwd: dir });
  for (const [file, text] of Object.entries(BARE_FILES)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text);
  }
  say(`worktree of ${sha.slice(0, 12)} in ${dir}: prisma generate, next build`);
  try {
    run("npx", ["prisma", "generate"], { cwd: dir, quiet: true });
    const env: Env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    delete env.NEXT_OUTPUT;
    run("npx", ["next", "build"], { cwd: dir, env });
  } catch (error) {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: REPO });
    throw error;
  }
  await fs.writeFile(stamp, sha);
  return { dir, made: true };
}

// ───────────────────────── the database ─────────────────────────

type Database = { env: Record<string, string>; label: string; drop(): Promise<void> };

async function prepareDatabase(options: Options): Promise<{ db: Database; fresh: boolean }> {
  if (options.db === "pglite") {
    const name = options.reuseDb ?? `porth-bench-data-${randomBytes(4).toString("hex")}`;
    const root = path.isAbsolute(name) ? name : path.join(os.tmpdir(), name);
    const fresh = !existsSync(path.join(root, "pglite"));
    await fs.mkdir(root, { recursive: true });
    return {
      fresh,
      db: {
        env: { PGLITE_DIR: path.join(root, "pglite"), FILES_DIR: path.join(root, "files") },
        label: root,
        drop: () => fs.rm(root, { recursive: true, force: true }),
      },
    };
  }
  const name = options.reuseDb ?? `porth_bench_${randomBytes(4).toString("hex")}`;
  if (!/^porth_bench_[a-z0-9_]+$/.test(name)) throw new Error(`--reuse-db ${name}: not a benchmark's database`);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: options.server });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
  if (!exists) await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(options.server);
  url.pathname = `/${name}`;
  const files = path.join(os.tmpdir(), `${name}-files`);
  return {
    fresh: !exists,
    db: {
      env: { DATABASE_URL: url.href, FILES_DIR: files },
      label: `${url.host}${url.pathname}`,
      drop: async () => {
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await fs.rm(files, { recursive: true, force: true });
      },
    },
  };
}

// ───────────────────────── servers ─────────────────────────

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Server = { origin: string; process: ChildProcess; output: () => string };

async function startServer(dir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(dir, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: dir,
      env: { ...env, AUTH_URL: origin, PORT: String(port) } as Env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const health = await fetch(`${origin}/api/health`).catch(() => null);
    if (health?.status === 200) return { origin, process: child, output: () => output };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer on ${origin} (exit ${child.exitCode})\n${output}`);
}

async function stop(child: ChildProcess | null | undefined) {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A round-robin proxy (node:http, loopback) in its own process, in front of `backends`. */
async function startProxy(backends: string[]): Promise<{ origin: string; process: ChildProcess }> {
  const port = await freePort();
  const code = `
    const http = require("node:http");
    const backends = ${JSON.stringify(backends.map((b) => ({ host: new URL(b).hostname, port: Number(new URL(b).port) })))};
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    let next = 0;
    http.createServer((req, res) => {
      const to = backends[next++ % backends.length];
      const out = http.request({ ...to, agent, method: req.method, path: req.url, headers: req.headers }, (back) => {
        res.writeHead(back.statusCode, back.headers);
        back.pipe(res);
      });
      out.on("error", () => { res.statusCode = 502; res.end(); });
      req.pipe(out);
    }).listen(${port}, "127.0.0.1", () => console.log("ready"));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (c) => reject(new Error(`the proxy exited (${c})`)));
  });
  return { origin: `http://127.0.0.1:${port}`, process: child };
}

// ───────────────────────── signing in over HTTP ─────────────────────────

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden inputs of the page's form that has a field named `field` (Next's action fields among them). */
function hiddenInputs(html: string, field: string): [string, string][] {
  const form =
    [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`name="${field}"`)) ?? "";
  if (!form) throw new Error(`no form with a "${field}" field`);
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\btype="hidden"/.test(tag))
    .map((tag) => [decode(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ""), decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "")]);
}

class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in with the password and the authenticator code; the Cookie header of the session. */
async function signIn(origin: string, email: string): Promise<string> {
  const jar = new CookieJar();
  const page = await fetch(`${origin}/sign-in`);
  jar.take(page);
  const form = new FormData();
  for (const [name, value] of hiddenInputs(await page.text(), "email")) form.append(name, value);
  form.set("email", email);
  form.set("password", PASSWORD);
  const post = await fetch(`${origin}/sign-in`, {
    method: "POST",
    body: form,
    headers: { origin, cookie: jar.header },
    redirect: "manual",
  });
  jar.take(post);
  const mfaPath = new URL(post.headers.get("location") ?? "/", origin).pathname;
  if (post.status < 300 || post.status >= 400 || mfaPath !== "/mfa")
    throw new Error(`sign-in of ${email}: ${post.status} → ${mfaPath}\n${(await post.text()).slice(0, 300)}`);
  const mfa = await fetch(`${origin}/mfa`, { headers: { cookie: jar.header } });
  jar.take(mfa);
  const code = new FormData();
  for (const [name, value] of hiddenInputs(await mfa.text(), "code")) code.append(name, value);
  code.set("code", await totpCode(TOTP_SECRET, new Date()));
  const done = await fetch(`${origin}/mfa`, {
    method: "POST",
    body: code,
    headers: { origin, cookie: jar.header },
    redirect: "manual",
  });
  jar.take(done);
  const to = new URL(done.headers.get("location") ?? "/mfa", origin).pathname;
  if (done.status < 300 || done.status >= 400 || to !== "/")
    throw new Error(`second factor of ${email}: ${done.status} → ${to}\n${(await done.text()).slice(0, 300)}`);
  return jar.header;
}

// ───────────────────────── load ─────────────────────────

type AutocannonResult = {
  start: string | Date;
  finish: string | Date;
  errors: number;
  timeouts: number;
  latency: Record<string, number>;
  statusCodeStats: Record<string, { count: number }>;
};
type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeout?: number;
  requests?: { setupRequest?: (req: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

type Load = { rps: number; p50: number; p99: number; errors: number; ok: number };

type Target = {
  url: string;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  /** The status a good answer has. */
  status?: number;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
};

async function load(target: Target, connections: number, duration: number): Promise<Load> {
  const result = await autocannon({
    url: target.url,
    connections,
    duration,
    // Only what is given: an undefined method is not autocannon's default GET.
    ...(target.method ? { method: target.method } : {}),
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body ? { body: target.body } : {}),
    timeout: 30,
    ...(target.setupRequest ? { requests: [{ setupRequest: target.setupRequest }] } : {}),
  });
  const counts = Object.entries(result.statusCodeStats ?? {});
  const ok = counts.filter(([code]) => Number(code) === (target.status ?? 200)).reduce((n, [, s]) => n + s.count, 0);
  const answered = counts.reduce((n, [, s]) => n + s.count, 0);
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000 || duration;
  return {
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (answered - ok),
    ok,
  };
}

/** A short warm-up (the server's code paths and the database's cache), then the measured run. */
async function measure(options: Options, target: Target): Promise<Load> {
  if (!options.smoke) await load(target, Math.min(10, options.connections), 2);
  return load(target, options.connections, options.duration);
}

/** How many password checks a second this machine does now (the work of one sign-in each). */
function argon2Ceiling(dir: string, seconds: number): number {
  const code = `
    const { hash, verify } = require("@node-rs/argon2");
    (async () => {
      const hashed = await hash(${JSON.stringify(PASSWORD)});
      const until = Date.now() + ${seconds * 1000};
      let done = 0;
      const worker = async () => { while (Date.now() < until) { await verify(hashed, ${JSON.stringify(PASSWORD)}); done++; } };
      const t0 = Date.now();
      await Promise.all(Array.from({ length: ${Math.max(4, os.availableParallelism() * 2)} }, worker));
      console.log(done / ((Date.now() - t0) / 1000));
    })();`;
  return Number(run(process.execPath, ["-e", code], { cwd: dir, quiet: true }).trim());
}

// ───────────────────────── the table ─────────────────────────

type Row = {
  path: string;
  rps?: number;
  p50?: number;
  p99?: number;
  errors?: number;
  ratio?: string;
  goal: string;
  pass: boolean | null;
};

const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "pass" : "FAIL");

function printTable(title: string, rows: Row[]) {
  printCells(
    title,
    ["path", "req/s", "p50", "p99", "errors", "ratio", "goal", "pass/fail"],
    rows.map((r) => [
      r.path,
      r.rps === undefined ? "" : r.rps.toFixed(r.rps < 10 ? 1 : 0),
      r.p50 === undefined ? "" : `${r.p50} ms`,
      r.p99 === undefined ? "" : `${r.p99} ms`,
      r.errors === undefined ? "" : String(r.errors),
      r.ratio ?? "",
      r.goal,
      verdict(r.pass),
    ]),
  );
}

function printCells(title: string, head: string[], cells: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\n${title}\n`);
  console.log(line(head));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const c of cells) console.log(line(c));
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

// ───────────────────────── the run ─────────────────────────

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sha = run("git", ["rev-parse", `${options.ref}^{commit}`], { cwd: REPO, quiet: true }).trim();
  say(
    `${options.smoke ? "smoke run" : "run"}: --scale ${options.scale} --db ${options.db}, ${sha.slice(0, 12)}, ` +
      `${options.connections} connections × ${options.duration} s, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );
  const build = await prepareBuild(sha);
  const { db, fresh } = await prepareDatabase(options);
  const servers: Server[] = [];
  let proxy: ChildProcess | null = null;
  const mfaKey = "bench-mfa-encryption-key-0123456789abcdef";
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? os.tmpdir(),
    NEXT_TELEMETRY_DISABLED: "1",
    MFA_ENCRYPTION_KEY: mfaKey,
    ...db.env,
  };
  let failed = false;
  try {
    // The world: seeded once; a reused database gets the build's pending migrations.
    const worldFile = path.join(os.tmpdir(), `${path.basename(db.label)}.world.json`);
    let world: BenchWorld;
    if (fresh || !existsSync(worldFile)) {
      say(`seeding ${db.label} (${options.scale === "board" ? "--scale board" : `${options.scale} scale`})`);
      run("npx", ["tsx", "prisma/seed.ts", ...(options.scale === "board" ? ["--scale", "board"] : [])], {
        cwd: build.dir,
        env: { ...baseEnv, NODE_ENV: "development" },
        quiet: true,
      });
      await fs.copyFile(
        path.join(REPO, "bench/results-day-setup.ts"),
        path.join(build.dir, "bench/results-day-setup.ts"),
      );
      const setup: SetupOptions = {
        scale: options.smoke ? "smoke" : options.scale,
        fileCandidates: options.smoke ? 500 : 3000,
        signInAccounts: options.smoke ? 10 : 200,
        password: PASSWORD,
        totpSecret: TOTP_SECRET,
      };
      const out = run("npx", ["tsx", "bench/results-day-setup.ts", JSON.stringify(setup)], {
        cwd: build.dir,
        env: { ...baseEnv, NODE_ENV: "development" },
        quiet: true,
      });
      world = JSON.parse(out.trim().split("\n").at(-1)!) as BenchWorld;
      await fs.writeFile(worldFile, JSON.stringify(world));
    } else {
      world = JSON.parse(await fs.readFile(worldFile, "utf8")) as BenchWorld;
      say(`reusing ${db.label}: applying the build's pending migrations`);
      run("npx", ["tsx", "scripts/db/migrate.ts"], {
        cwd: build.dir,
        env: { ...baseEnv, NODE_ENV: "development" },
        quiet: true,
      });
    }
    if (options.db === "postgres") {
      // Earlier runs' windows would limit this run's sign-ins.
      const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
      await client.connect();
      await client.query(`DELETE FROM "RateLimit"`);
      await client.query("ANALYZE");
      await client.end();
    }
    say(
      `largest centre ${world.largest.number}: ${world.largest.candidates} candidates, ${world.largest.results} results; ` +
        `results file centre ${world.file.number}: ${world.file.candidates} candidates`,
    );

    const serverEnv = {
      ...baseEnv,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      OUTBOX_DIR: path.join(os.tmpdir(), `${path.basename(db.label)}-outbox`),
      OUTBOX_QUIET: "true",
      // Each sign-in comes from its own address (X-Forwarded-For), as on a real morning.
      TRUST_PROXY: "1",
      PORTH_BENCH_A2C_KEY_ID: `${world.a2c.largest.id},${world.a2c.median.id}`,
    };
    servers.push(await startServer(build.dir, serverEnv));
    const { origin } = servers[0];
    say(`next start on ${origin}; signing in as ${world.largest.eo}`);
    const cookie = await signIn(origin, world.largest.eo);
    const asEo = { cookie };
    const page = (p: string): Target => ({ url: `${origin}${p}`, headers: asEo });
    const a2c = (token: string): Target => ({
      url: `${origin}/api/a2c/v1/results?series=${world.seriesCode}`,
      headers: { authorization: `Bearer ${token}` },
    });

    // Every path answers before anything is timed.
    for (const [name, target] of Object.entries({
      "/bench-bare": page("/bench-bare"),
      "/api/bench-bare": page("/api/bench-bare"),
      "/": page("/"),
      "/results": page("/results"),
      "/entries": page("/entries"),
      a2c: a2c(world.a2c.largest.token),
    })) {
      const response = await fetch(target.url, { headers: target.headers, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
    }

    const bare = await measure(options, page("/bench-bare"));
    say(`bare page: ${bare.rps.toFixed(0)} req/s`);
    const bareRoute = await measure(options, page("/api/bench-bare"));
    say(`bare route handler: ${bareRoute.rps.toFixed(0)} req/s`);
    const home = await measure(options, page("/"));
    const results = await measure(options, page("/results"));
    const entries = await measure(options, page("/entries"));
    const a2cLargest = await measure(options, a2c(world.a2c.largest.token));
    const a2cMedian = await measure(options, a2c(world.a2c.median.token));
    say("pages and A2C measured; sign-ins next");

    // Sign-ins: the password step, as the form posts it, each from another account and address.
    const signInPage = await (await fetch(`${origin}/sign-in`)).text();
    const boundary = `----porth-bench-${randomBytes(6).toString("hex")}`;
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const fixed = hiddenInputs(signInPage, "email")
      .map(([n, v]) => part(n, v))
      .join("");
    let sent = 0;
    const signInTarget: Target = {
      url: `${origin}/sign-in`,
      method: "POST",
      status: 303,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin },
      setupRequest: (req) => {
        sent += 1;
        const email = world.signIn[sent % world.signIn.length];
        return {
          ...req,
          method: "POST",
          path: "/sign-in",
          headers: {
            ...req.headers,
            "content-type": `multipart/form-data; boundary=${boundary}`,
            origin,
            "x-forwarded-for": `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
          },
          body: `${fixed}${part("email", email)}${part("password", PASSWORD)}--${boundary}--\r\n`,
        };
      },
    };
    const ceiling = argon2Ceiling(build.dir, options.smoke ? 1 : 5);
    const signIns = await load(signInTarget, options.connections, options.duration);
    say(`sign-ins: ${signIns.rps.toFixed(1)}/s against ${ceiling.toFixed(1)} password checks/s`);

    // The results file of the large centre, end to end, one download at a time.
    const fileCookie = await signIn(origin, world.file.eo);
    const fileUrl = `${origin}/api/results/file?series=${world.seriesCode}`;
    const fileTimes: number[] = [];
    let fileBytes = 0;
    for (let i = 0; i < (options.smoke ? 2 : 6); i++) {
      const t0 = performance.now();
      const response = await fetch(fileUrl, { headers: { cookie: fileCookie } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`results file: ${response.status}`);
      fileBytes = body.byteLength;
      if (i > 0) fileTimes.push(performance.now() - t0); // the first warms up
    }
    fileTimes.sort((a, b) => a - b);
    const fileMedian = fileTimes[Math.floor(fileTimes.length / 2)];

    // The HTML of each page as the browser receives it.
    const sizes: [string, number][] = [];
    for (const p of [
      "/bench-bare",
      "/",
      "/results",
      "/results?view=subject",
      "/entries",
      "/entries?find=a",
      "/entries/candidates",
      "/results/file",
    ]) {
      const response = await fetch(`${origin}${p}`, { headers: asEo });
      const html = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${p} answered ${response.status}`);
      sizes.push([p, html.byteLength]);
    }
    const signInHtml = await (await fetch(`${origin}/sign-in`)).arrayBuffer();
    sizes.push(["/sign-in (signed out)", signInHtml.byteLength]);

    // Two server processes behind a round-robin proxy against one behind the same proxy.
    let scaleOut: { one: Load; two: Load } | null = null;
    if (options.db === "postgres") {
      servers.push(await startServer(build.dir, serverEnv));
      const one = await startProxy([servers[0].origin]);
      proxy = one.process;
      const viaOne = await measure(options, { url: `${one.origin}/results`, headers: asEo });
      await stop(proxy);
      const two = await startProxy(servers.map((s) => s.origin));
      proxy = two.process;
      // The same session on both servers: state lives in the database.
      for (let i = 0; i < 4; i++) {
        const r = await fetch(`${two.origin}/results`, { headers: asEo, redirect: "manual" });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`/results through two servers answered ${r.status}`);
      }
      const viaTwo = await measure(options, { url: `${two.origin}/results`, headers: asEo });
      await stop(proxy);
      proxy = null;
      scaleOut = { one: viaOne, two: viaTwo };
    }

    // ─── the tables ───
    const vsPage = (l: Load) => l.rps / bare.rps;
    const vsRoute = (l: Load) => l.rps / bareRoute.rps;
    const row = (p: string, l: Load, ratio: number | null, goal: string, pass: boolean | null): Row => ({
      path: p,
      rps: l.rps,
      p50: l.p50,
      p99: l.p99,
      errors: l.errors,
      ratio: ratio === null ? "—" : pct(ratio),
      goal,
      pass,
    });
    const rows: Row[] = [
      row("bare page /bench-bare", bare, null, "—", null),
      row("bare route handler /api/bench-bare", bareRoute, null, "—", null),
      row("All Services /", home, vsPage(home), "≥ 80% of the bare page", vsPage(home) >= 0.8 && home.errors === 0),
      {
        ...row("/results (100 rows)", results, vsPage(results), "", null),
        ratio: `${pct(vsPage(results))}, p99 ×${(results.p99 / Math.max(1, bare.p99)).toFixed(1)}`,
        goal: "≥ 70%, p99 ≤ 2× the bare page's, 0 errors",
        pass: vsPage(results) >= 0.7 && results.p99 <= 2 * bare.p99 && results.errors === 0,
      },
      row("/entries (50 rows a page)", entries, vsPage(entries), "0 errors", entries.errors === 0),
      row(
        `A2C results, centre ${world.largest.number} (${world.largest.results} rows)`,
        a2cLargest,
        vsRoute(a2cLargest),
        "≥ 70% of the bare route handler",
        vsRoute(a2cLargest) >= 0.7 && a2cLargest.errors === 0,
      ),
      row(
        `A2C results, centre ${world.a2c.median.number} (${world.a2c.median.results} rows)`,
        a2cMedian,
        vsRoute(a2cMedian),
        "≥ 70% of the bare route handler",
        vsRoute(a2cMedian) >= 0.7 && a2cMedian.errors === 0,
      ),
      {
        ...row("sign-ins (password step)", signIns, signIns.rps / ceiling, "", null),
        ratio: `${pct(signIns.rps / ceiling)} of ${ceiling.toFixed(1)} checks/s`,
        goal: "≥ 70% of the argon2 ceiling",
        pass: signIns.rps / ceiling >= 0.7 && signIns.errors === 0,
      },
      {
        path: `results file, ${world.file.candidates} candidates (${(fileBytes / 1024).toFixed(0)} KB), one at a time`,
        p50: Math.round(fileMedian),
        p99: Math.round(fileTimes.at(-1)!),
        ratio: `median and slowest of ${fileTimes.length}`,
        goal: "< 300 ms end to end",
        pass: fileMedian < 300,
      },
    ];
    if (scaleOut) {
      const ratio = scaleOut.two.rps / scaleOut.one.rps;
      rows.push(row("/results via the proxy, one server", scaleOut.one, null, "—", null), {
        ...row("/results via the proxy, two servers", scaleOut.two, null, "", null),
        ratio: `×${ratio.toFixed(2)} of one`,
        goal: "≥ 1.7× one server",
        pass: ratio >= 1.7 && scaleOut.two.errors === 0,
      });
    }
    printTable(
      `Results day — ${options.scale} scale on ${options.db}, ${sha.slice(0, 12)}, ${options.connections} connections × ${options.duration} s` +
        `${options.smoke ? " (smoke: not timed)" : ""}, load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
      rows,
    );
    printCells(
      `Page sizes — HTML as sent to the exams officer of centre ${world.largest.number}`,
      ["page", "size", "goal", "pass/fail"],
      sizes.map(([p, bytes]) => [p, `${(bytes / 1024).toFixed(1)} KB`, "≤ 200 KB", verdict(bytes <= 200 * 1024)]),
    );
    if (options.smoke) {
      const silent = rows.filter((r) => r.errors !== undefined && r.rps === 0);
      if (silent.length) {
        failed = true;
        console.error(`[bench] no good answers from: ${silent.map((r) => r.path).join(", ")}`);
      }
    }
  } catch (error) {
    failed = true;
    console.error(error);
    for (const s of servers) console.error(`── server ${s.origin} ──\n${s.output().slice(-4000)}`);
  } finally {
    await stop(proxy);
    for (const s of servers) await stop(s.process);
    if (options.keep) {
      say(`kept: the build in ${build.dir}, the database ${db.label} (--reuse-db ${path.basename(db.label)})`);
    } else {
      await db.drop().catch(() => {});
      await fs.rm(path.join(os.tmpdir(), `${path.basename(db.label)}.world.json`), { force: true });
      if (build.made) spawnSync("git", ["worktree", "remove", "--force", build.dir], { cwd: REPO });
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
