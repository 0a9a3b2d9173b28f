// Benchmark: one IAMIS mark save, end to end — the grid's server action over HTTP, signed in as
// a teacher with the IAMIS permission, against a production build on its own database. Prints
// the latency of a save (p50, p95, p99) beside a bare route handler's of the same build in the
// same run, so the machine's speed and load divide out; the goal is a p95 under 100 ms.
//
//   npx tsx bench/mark-save.ts --db postgres        (default; --db pglite for the embedded one)
//
// Each of `--writers` writers (4) saves its own candidates' marks one after another, each save
// based on the version the last one returned (as the grid does), `--saves` saves in all (600).
// A refused or stale save counts as an error. Options as bench/results-day.ts: --ref, --server,
// --keep, --reuse-db.
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareBuild } from "./kit/build";
import { prepareDatabase } from "./kit/database";
import { startServer, stop, type Server } from "./kit/servers";
import { REPO, run, say } from "./kit/shell";
import { PASSWORD, signIn, TOTP_SECRET } from "./kit/sign-in";
import { printCells } from "./kit/table";
import type { MarkSaveWorld } from "./mark-save-setup";

const argv = process.argv.slice(2);
const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const options = {
  db: (value("--db") ?? "postgres") as "postgres" | "pglite",
  ref: value("--ref") ?? "HEAD",
  writers: Number(value("--writers") ?? 4),
  saves: Number(value("--saves") ?? 600),
  server: value("--server") ?? process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
  keep: argv.includes("--keep"),
  reuseDb: value("--reuse-db") ?? null,
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The id of the server action `exportedName` in `file` (the build's server reference manifest). */
async function actionId(dir: string, file: string, exportedName: string): Promise<string> {
  const manifest = JSON.parse(
    await fs.readFile(path.join(dir, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

/** Runs `jobs` with `writers` at a time; each job's latency in ms. */
async function timed(writers: number, jobs: (() => Promise<void>)[]): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        await job();
        times.push(performance.now() - t0);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

async function main() {
  const sha = run("git", ["rev-parse", `${options.ref}^{commit}`], { cwd: REPO, quiet: true }).trim();
  say(`mark save on ${options.db}, ${sha.slice(0, 12)}, ${options.writers} writers × ${options.saves} saves`);
  const build = await prepareBuild(sha);
  const { db } = await prepareDatabase({ db: options.db, server: options.server, reuseDb: options.reuseDb });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? os.tmpdir(),
    NEXT_TELEMETRY_DISABLED: "1",
    MFA_ENCRYPTION_KEY: "bench-mfa-encryption-key-0123456789abcdef",
    ...db.env,
  };
  let server: Server | null = null;
  let failed = false;
  try {
    say(`seeding ${db.label}`);
    run("npx", ["tsx", "prisma/seed.ts"], { cwd: build.dir, env: { ...env, NODE_ENV: "development" }, quiet: true });
    await fs.copyFile(path.join(REPO, "bench/mark-save-setup.ts"), path.join(build.dir, "bench/mark-save-setup.ts"));
    const out = run(
      "npx",
      ["tsx", "bench/mark-save-setup.ts", JSON.stringify({ password: PASSWORD, totpSecret: TOTP_SECRET })],
      { cwd: build.dir, env: { ...env, NODE_ENV: "development" }, quiet: true },
    );
    const world = JSON.parse(out.trim().split("\n").at(-1)!) as MarkSaveWorld;
    server = await startServer(build.dir, {
      ...env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      OUTBOX_DIR: path.join(os.tmpdir(), `${path.basename(db.label)}-outbox`),
      OUTBOX_QUIET: "true",
    });
    const { origin } = server;
    const cookie = await signIn(origin, world.teacher);
    const sheetPath = `/iamis/${world.sheetId}`;
    const page = await fetch(`${origin}${sheetPath}`, { headers: { cookie } });
    if (page.status !== 200) throw new Error(`${sheetPath} answered ${page.status}`);
    await page.arrayBuffer();
    const action = await actionId(build.dir, "app/(portal)/iamis/[sheetId]/actions.ts", "saveSheetMarkAction");
    say(`${world.entryIds.length} candidates on sheet ${world.sheetId}; action ${action.slice(0, 10)}…`);

    // The bare route handler, the same number of requests and writers.
    const bareJobs = Array.from({ length: options.saves }, () => async () => {
      const r = await fetch(`${origin}/api/bench-bare`, { headers: { cookie } });
      await r.arrayBuffer();
    });
    await timed(options.writers, bareJobs.slice(0, 50)); // warm-up
    const bare = await timed(options.writers, bareJobs);

    // The saves: each writer owns entries, each save based on that entry's last version.
    const versions = new Map(world.entryIds.map((id) => [id, 0]));
    let errors = 0;
    const save = (entryId: string, mark: number) => async () => {
      const body = [
        world.sheetId,
        entryId,
        {
          key: randomBytes(16).toString("hex"),
          baseVersion: versions.get(entryId)!,
          value: { code: null, total: mark, items: null },
        },
      ];
      const r = await fetch(`${origin}${sheetPath}`, {
        method: "POST",
        headers: { cookie, origin, "next-action": action, "content-type": "text/plain;charset=UTF-8" },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      const version = /"ok":true,"version":(\d+)/.exec(text);
      if (r.status !== 200 || !version) {
        errors++;
        if (errors === 1) console.error(`[bench] a save failed: ${r.status} ${text.slice(0, 300)}`);
        return;
      }
      versions.set(entryId, Number(version[1]));
    };
    // Writer w takes entries w, w + writers, …; every round a new mark for each.
    const mine = (w: number) => world.entryIds.filter((_, i) => i % options.writers === w);
    const jobs: (() => Promise<void>)[] = [];
    for (let i = 0; jobs.length < options.saves; i++) {
      for (let w = 0; w < options.writers && jobs.length < options.saves; w++) {
        const entries = mine(w);
        if (!entries.length) continue;
        jobs.push(save(entries[i % entries.length], (i * 7 + w) % (world.maxMark + 1)));
      }
    }
    // Jobs are interleaved so that each writer's next job is its own entry's next save.
    await timed(1, jobs.slice(0, 20)); // warm-up, one at a time
    const saves = await timed(options.writers, jobs.slice(20));

    const p95 = percentile(saves, 0.95);
    printCells(
      `Mark save — ${options.db}, ${sha.slice(0, 12)}, ${options.writers} writers, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
      ["request", "n", "p50", "p95", "p99", "errors", "p95 ratio to bare", "goal", "pass/fail"],
      [
        [
          "bare route handler",
          String(bare.length),
          ms(percentile(bare, 0.5)),
          ms(percentile(bare, 0.95)),
          ms(percentile(bare, 0.99)),
          "0",
          "—",
          "—",
          "—",
        ],
        [
          "one IAMIS mark save",
          String(saves.length),
          ms(percentile(saves, 0.5)),
          ms(p95),
          ms(percentile(saves, 0.99)),
          String(errors),
          `×${(p95 / Math.max(0.1, percentile(bare, 0.95))).toFixed(1)}`,
          "p95 < 100 ms, 0 errors",
          p95 < 100 && errors === 0 ? "pass" : "FAIL",
        ],
      ],
    );
    if (errors) failed = true;
  } catch (error) {
    failed = true;
    console.error(error);
    if (server) console.error(server.output().slice(-4000));
  } finally {
    await stop(server?.process);
    if (options.keep) say(`kept: the build in ${build.dir}, the database ${db.label}`);
    else {
      await db.drop().catch(() => {});
      if (build.made && existsSync(build.dir))
        run("git", ["worktree", "remove", "--force", build.dir], { cwd: REPO, quiet: true });
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
