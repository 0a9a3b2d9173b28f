// Benchmark: results morning. Every figure is a ratio to a bare page or a bare route
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
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareBuild } from "./kit/build";
import { prepareDatabase } from "./kit/database";
import { argon2Ceiling, load, measure, timeDownloads, type Load, type Target } from "./kit/load";
import { startProxy, startServer, stop, type Server } from "./kit/servers";
import { REPO, run, say } from "./kit/shell";
import { PASSWORD, signIn, signInLoad, TOTP_SECRET } from "./kit/sign-in";
import { printResultsDay } from "./results-day-report";
import type { BenchWorld, SetupOptions } from "./results-day-setup";

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

    // Every path answers before anything is timed; each answer's size goes in the table.
    const bodyBytes: Record<string, number> = {};
    for (const [name, target] of Object.entries({
      "/bench-bare": page("/bench-bare"),
      "/api/bench-bare": page("/api/bench-bare"),
      "/": page("/"),
      "/results": page("/results"),
      "/entries": page("/entries"),
      "/bench-session": page("/bench-session"),
      "/bench-shell": page("/bench-shell"),
      "/bench-shell-rows": page("/bench-shell-rows"),
      a2c: a2c(world.a2c.largest.token),
      a2cMedian: a2c(world.a2c.median.token),
    })) {
      const response = await fetch(target.url, { headers: target.headers, redirect: "manual" });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
      bodyBytes[name] = body.byteLength;
    }

    const bare = await measure(options, page("/bench-bare"));
    say(`bare page: ${bare.rps.toFixed(0)} req/s`);
    const bareRoute = await measure(options, page("/api/bench-bare"));
    say(`bare route handler: ${bareRoute.rps.toFixed(0)} req/s`);
    const session = await measure(options, page("/bench-session"));
    const shell = await measure(options, page("/bench-shell"));
    const shellRows = await measure(options, page("/bench-shell-rows"));
    const home = await measure(options, page("/"));
    const results = await measure(options, page("/results"));
    const entries = await measure(options, page("/entries"));
    const a2cLargest = await measure(options, a2c(world.a2c.largest.token));
    const a2cMedian = await measure(options, a2c(world.a2c.median.token));
    say("pages and A2C measured; sign-ins next");

    // Sign-ins: the password step, as the form posts it, each from another account and address.
    const signInPage = await (await fetch(`${origin}/sign-in`)).text();
    const signInTarget = signInLoad(origin, signInPage, world.signIn);
    const ceiling = argon2Ceiling(build.dir, options.smoke ? 1 : 5);
    const signIns = await load(signInTarget, options.connections, options.duration);
    say(`sign-ins: ${signIns.rps.toFixed(1)}/s against ${ceiling.toFixed(1)} password checks/s`);

    // The results file of the large centre, end to end, one download at a time.
    const fileCookie = await signIn(origin, world.file.eo);
    const fileUrl = `${origin}/api/results/file?series=${world.seriesCode}`;
    const file = await timeDownloads(fileUrl, fileCookie, options.smoke ? 2 : 6);

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

    const rows = printResultsDay({
      options,
      sha,
      world,
      bare,
      bareRoute,
      session,
      shell,
      shellRows,
      bodyBytes,
      home,
      results,
      entries,
      a2cLargest,
      a2cMedian,
      signIns,
      ceiling,
      file,
      scaleOut,
      sizes,
    });
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
