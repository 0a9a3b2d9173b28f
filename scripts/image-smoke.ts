// `npm run test:image` — proves the Docker image's runtime layout without a Docker engine. It
// follows the Dockerfile line by line:
//
//   1. build stage: the build context (the tree minus .dockerignore) in a temporary /app, the
//      installed node_modules in place of the deps stage's (hard links), then the stage's RUN
//      lines (`prisma generate`, the standalone `next build`) with its ENV;
//   2. run stage: its RUN (user, directories), WORKDIR and COPY --from=build lines, re-rooted in
//      the temporary directory, in order, so a later COPY overlays an earlier one as Docker's does;
//   3. as a non-root user (a system user `porthsmoke` when run as root), against a new database on
//      the PostgreSQL server of DATABASE_URL: the image's CMD (migrations, then `node server.js`)
//      on a free loopback port; GET /api/health, /sign-in, /favicon.ico and /robots.txt;
//      `npm run board:create-admin` in the assembled tree; the sign-in form posted with the
//      temporary password, which must open a session at /set-password.
//
// Then it stops the server, drops the database and removes the directory (`--keep` keeps it and
// prints it; `--build-dir DIR` reuses the build stage of a kept run instead of building again).
//
//   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres npm run test:image
//
// One difference from the image, stricter than it: node_modules is hard-linked rather than
// copied, and hard-linked files keep their owner, so the user may read them but not write them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const SMOKE_USER = "porthsmoke";
const ADMIN_EMAIL = "smoke-admin@board.example";
const started = performance.now();
const say = (line: string) =>
  console.log(`[image-smoke] ${line} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

class SmokeFailure extends Error {}
/** An environment built here from nothing (NodeJS.ProcessEnv insists on NODE_ENV). */
type Env = Record<string, string | undefined>;
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SmokeFailure(message);
}

// ───────────────────────── the Dockerfile ─────────────────────────

type Instruction = { op: string; args: string };
type Stage = { name: string; instructions: Instruction[] };

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\n/g, " ").split("\n");
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    check(op, `Dockerfile: cannot read "${line}"`);
    if (op.toUpperCase() === "FROM") {
      const name = /\bAS\s+(\S+)$/i.exec(args)?.[1];
      check(name, `Dockerfile: every stage needs a name ("${line}")`);
      stages.push({ name, instructions: [] });
    } else {
      check(stages.length, "Dockerfile: an instruction before FROM");
      stages.at(-1)!.instructions.push({ op: op.toUpperCase(), args: args.trim() });
    }
  }
  return stages;
}

/** `A=1 B=2` → { A: "1", B: "2" } (the forms the Dockerfile uses: no quoting). */
function parseEnv(args: string): Record<string, string> {
  return Object.fromEntries(
    args.split(/\s+/).map((pair) => {
      const at = pair.indexOf("=");
      check(at > 0, `ENV: "${pair}" is not NAME=value`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

// ───────────────────────── the build context ─────────────────────────

/** .dockerignore's patterns as a predicate on context-relative paths (the last matching pattern wins). */
function dockerignore(text: string): (relative: string) => boolean {
  const rules = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const negate = l.startsWith("!");
      const pattern = (negate ? l.slice(1) : l).replace(/^\/+|\/+$/g, "");
      const body = pattern
        .split(/(\*\*|\*|\?)/)
        .map((part) =>
          part === "**"
            ? ".*"
            : part === "*"
              ? "[^/]*"
              : part === "?"
                ? "[^/]"
                : part.replace(/[.+^${}()|[\]\\]/g, "\\$&"),
        )
        .join("");
      return { negate, re: new RegExp(`^${body}(/.*)?$`) };
    });
  return (relative) => {
    let ignored = false;
    for (const rule of rules) if (rule.re.test(relative)) ignored = !rule.negate;
    return ignored;
  };
}

function run(command: string, args: string[], options: { cwd?: string; env?: Env } = {}) {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
  });
  check(result.status === 0, `${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

/**
 * Docker's COPY of `src` to `dest`: a directory's contents merge into dest; a file lands at dest,
 * or in it when `intoDir` (dest written with a trailing "/"). Returns what was written.
 */
async function copyInto(src: string, dest: string, intoDir: boolean, hardLinks: boolean): Promise<string> {
  const flags = hardLinks ? "-al" : "-a";
  if ((await fs.stat(src)).isDirectory()) {
    await fs.mkdir(dest, { recursive: true });
    run("cp", [flags, "--remove-destination", `${src}/.`, `${dest}/`]);
    return dest;
  }
  const target = intoDir ? path.join(dest, path.basename(src)) : dest;
  await fs.mkdir(path.dirname(target), { recursive: true });
  run("cp", [flags, "--remove-destination", src, target]);
  return target;
}

/** chown -R, except hard-linked files (shared with the installed node_modules, never changed). */
async function chownTree(root: string, uid: number, gid: number) {
  const walk = async (p: string) => {
    const st = await fs.lstat(p);
    if (st.isDirectory()) {
      await fs.lchown(p, uid, gid);
      for (const entry of await fs.readdir(p)) await walk(path.join(p, entry));
    } else if (st.nlink === 1) {
      await fs.lchown(p, uid, gid);
    }
  };
  await walk(root);
}

async function buildStage(stage: Stage, buildDir: string) {
  say(`build stage: the context (minus .dockerignore) in ${buildDir}`);
  const ignored = dockerignore(await fs.readFile(path.join(REPO, ".dockerignore"), "utf8").catch(() => ""));
  await fs.mkdir(buildDir, { recursive: true });
  // The deps stage's `npm install`: the node_modules installed here, hard-linked.
  run("cp", ["-al", path.join(REPO, "node_modules"), path.join(buildDir, "node_modules")]);
  for (const entry of await fs.readdir(REPO)) {
    if (entry === "node_modules" || ignored(entry)) continue;
    await fs.cp(path.join(REPO, entry), path.join(buildDir, entry), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => !ignored(path.relative(REPO, src)),
    });
  }
  // The build runs on a clean environment, as in Docker: the stage's ENV and a PATH.
  const env: Env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  for (const { op, args } of stage.instructions) {
    if (op === "ENV") Object.assign(env, parseEnv(args));
    else if (op === "RUN") {
      say(`build stage: RUN ${args}`);
      run("sh", ["-c", args], { cwd: buildDir, env });
    } else check(["WORKDIR", "COPY"].includes(op), `build stage: ${op} is not understood here`);
  }
  check(
    await fs.stat(path.join(buildDir, ".next/standalone/server.js")).catch(() => null),
    "no .next/standalone/server.js",
  );
}

// ───────────────────────── the run stage ─────────────────────────

type RunStage = { env: Record<string, string>; workdir: string; user: string; cmd: string[]; home: string };

/** Applies the run stage's instructions under `root` (its `/`), owning files as uid:gid. */
async function assembleRunStage(
  stage: Stage,
  root: string,
  buildDir: string,
  owner: { uid: number; gid: number } | null,
) {
  const inRoot = (p: string) => path.join(root, p);
  const fromBuild = (p: string) => path.join(buildDir, path.relative("/app", p));
  const out: RunStage = { env: {}, workdir: "/", user: "root", cmd: [], home: "/" };
  let imageUser = "";
  for (const { op, args } of stage.instructions) {
    if (op === "ENV") Object.assign(out.env, parseEnv(args));
    else if (op === "WORKDIR") {
      out.workdir = path.resolve(out.workdir, args);
      await fs.mkdir(inRoot(out.workdir), { recursive: true });
    } else if (op === "RUN") {
      for (const command of args.split("&&").map((c) => c.trim().split(/\s+/))) {
        const [name, ...rest] = command;
        if (name === "groupadd") continue; // the group comes with the user below
        if (name === "useradd") {
          imageUser = rest.at(-1)!;
          const home = rest[rest.findIndex((a) => a === "--home-dir" || a === "--home" || a === "-d") + 1];
          if (home) out.home = home;
        } else if (name === "mkdir") {
          for (const dir of rest.filter((a) => !a.startsWith("-"))) await fs.mkdir(inRoot(dir), { recursive: true });
        } else if (name === "chown") {
          const [, ...paths] = rest.filter((a) => !a.startsWith("-"));
          if (owner) for (const p of paths) await fs.chown(inRoot(p), owner.uid, owner.gid);
        } else throw new SmokeFailure(`run stage: RUN ${name} is not understood by scripts/image-smoke.ts`);
      }
    } else if (op === "COPY") {
      const words = args.split(/\s+/);
      const from = words.find((w) => w.startsWith("--from="))?.slice(7);
      const chown = words.some((w) => w.startsWith("--chown="));
      const [src, dest] = words.filter((w) => !w.startsWith("--"));
      check(from === "build" && src && dest, `run stage: COPY ${args} is not understood (only --from=build)`);
      const target = path.resolve(out.workdir, dest);
      const hardLinks = path.basename(src) === "node_modules";
      const copied = await copyInto(fromBuild(src), inRoot(target), dest.endsWith("/"), hardLinks);
      if (chown && owner) await chownTree(copied, owner.uid, owner.gid);
      say(`run stage: COPY ${src} → ${path.relative(root, copied) || "/"}`);
    } else if (op === "USER") out.user = args;
    else if (op === "CMD") out.cmd = JSON.parse(args);
    else check(op === "EXPOSE", `run stage: ${op} is not understood by scripts/image-smoke.ts`);
  }
  check(out.user !== "root" && out.user === imageUser, "the run stage must run as the user it creates");
  check(out.cmd.length, "the run stage has no CMD");
  return out;
}

// ───────────────────────── the user, the database, the server ─────────────────────────

function ensureSmokeUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) {
    say("not root: cannot switch to a non-root user, so the image's commands run as the current user");
    return null;
  }
  if (spawnSync("id", ["-u", SMOKE_USER]).status !== 0) {
    run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SMOKE_USER]);
  }
  const id = (flag: string) => Number(spawnSync("id", [flag, SMOKE_USER], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** The command as the image's user (setpriv keeps the environment given). */
function asUser(owner: { uid: number; gid: number } | null, argv: string[]): [string, string[]] {
  if (!owner) return [argv[0], argv.slice(1)];
  return ["setpriv", ["--reuid", String(owner.uid), "--regid", String(owner.gid), "--clear-groups", "--", ...argv]];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function collect(child: ChildProcess): () => string {
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  return () => log;
}

function spawnAs(owner: { uid: number; gid: number } | null, argv: string[], cwd: string, env: Env) {
  const [command, args] = asUser(owner, argv);
  return spawn(command, args, {
    cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
}

async function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden inputs of the page's form with an email field (Next's server-action fields among them). */
function hiddenInputs(html: string): [string, string][] {
  const form =
    [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => /name="email"/.test(f)) ?? "";
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\btype="hidden"/.test(tag))
    .map((tag) => [decode(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ""), decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "")]);
}

async function smoke(root: string, image: RunStage, owner: { uid: number; gid: number } | null, adminUrl: string) {
  const appDir = path.join(root, image.workdir);
  const dbName = `porth_smoke_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  let server: ChildProcess | null = null;
  let serverLog = () => "";
  try {
    // The image's node, where the user can run it (CI's Node may live under root's home).
    const binDir = path.join(root, "usr/local/bin");
    await fs.mkdir(binDir, { recursive: true });
    await fs
      .link(process.execPath, path.join(binDir, "node"))
      .catch(() => fs.copyFile(process.execPath, path.join(binDir, "node")));
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const dataDir = path.join(root, "data");
    // The Dockerfile's ENV, then what docker-compose.yml gives the container, on loopback.
    const env: Env = {
      ...image.env,
      PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin`,
      HOME: path.join(root, image.home),
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: dbUrl.href,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      MFA_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
      AUTH_URL: origin,
      FILES_DIR: path.join(dataDir, "files"),
      OUTBOX_DIR: path.join(dataDir, "outbox"),
    };

    say(`CMD ${JSON.stringify(image.cmd)} as ${owner ? SMOKE_USER : os.userInfo().username} on ${origin}`);
    server = spawnAs(owner, image.cmd, appDir, env);
    serverLog = collect(server);
    const deadline = Date.now() + 120_000;
    let health: Response | null = null;
    while (Date.now() < deadline && server.exitCode === null) {
      health = await fetch(`${origin}/api/health`).catch(() => null);
      if (health) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    check(health, `the server did not answer (exit ${server.exitCode})`);
    if (owner) {
      const status = await fs.readFile(`/proc/${server.pid}/status`, "utf8");
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      check(uid === owner.uid, `the server runs as uid ${uid}, not ${SMOKE_USER}`);
    }
    const migrations = (await fs.readdir(path.join(appDir, "prisma/migrations"), { withFileTypes: true })).filter((e) =>
      e.isDirectory(),
    ).length;
    const app = new pg.Client({ connectionString: dbUrl.href });
    await app.connect();
    const applied = await app
      .query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
      .finally(() => app.end());
    check(applied.rows[0].n === migrations, `the CMD applied ${applied.rows[0].n} of ${migrations} migrations`);
    say(`CMD applied the ${migrations} migrations to the new database ${dbName}`);
    const body = (await health.json()) as { status?: string };
    check(health.status === 200 && body.status === "ok", `GET /api/health → ${health.status} ${JSON.stringify(body)}`);
    say(`GET /api/health → 200 ${JSON.stringify(body)}`);

    const signIn = await fetch(`${origin}/sign-in`);
    const signInHtml = await signIn.text();
    check(
      signIn.status === 200 && /<form\b/.test(signInHtml) && /name="email"/.test(signInHtml),
      `GET /sign-in → ${signIn.status}, no sign-in form`,
    );
    say("GET /sign-in → 200 with the sign-in form");
    const favicon = await fetch(`${origin}/favicon.ico`);
    const icon = Buffer.from(await favicon.arrayBuffer());
    check(
      favicon.status === 200 && icon.equals(readFileSync(path.join(REPO, "public/favicon.ico"))),
      `GET /favicon.ico → ${favicon.status}`,
    );
    const robots = await fetch(`${origin}/robots.txt`);
    check(robots.status === 200 && (await robots.text()).includes("Disallow: /"), `GET /robots.txt → ${robots.status}`);
    say("GET /favicon.ico and /robots.txt → 200 (public/)");

    const create = spawnAs(
      owner,
      ["npm", "run", "-s", "board:create-admin", "--", "--email", ADMIN_EMAIL, "--name", "Smoke Admin"],
      appDir,
      { ...env, npm_config_update_notifier: "false" },
    );
    const createLog = collect(create);
    const created = await waitForExit(create, 90_000);
    check(created === 0, `npm run board:create-admin → exit ${created}\n${createLog()}`);
    const password = /^Temporary password: (\S+)$/m.exec(createLog())?.[1];
    check(password, `board:create-admin printed no temporary password\n${createLog()}`);
    say(`npm run board:create-admin → ${ADMIN_EMAIL}, invite in ${env.OUTBOX_DIR}`);

    // The sign-in form as a browser without JavaScript posts it: Next's hidden action fields,
    // the door, the email and the password, from the portal's own origin.
    const form = new FormData();
    for (const [name, value] of hiddenInputs(signInHtml)) form.append(name, value);
    form.set("email", ADMIN_EMAIL);
    form.set("password", password);
    const post = await fetch(`${origin}/sign-in`, {
      method: "POST",
      body: form,
      headers: { origin },
      redirect: "manual",
    });
    const location = post.headers.get("location") ?? "";
    check(
      post.status >= 300 && post.status < 400 && new URL(location, origin).pathname === "/set-password",
      `POST /sign-in → ${post.status} ${location}\n${(await post.text()).slice(0, 500)}`,
    );
    const cookie = post.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    check(/authjs\.session-token=/.test(cookie), "POST /sign-in set no session cookie");
    const setPassword = await fetch(new URL(location, origin), { headers: { cookie }, redirect: "manual" });
    const setPasswordHtml = await setPassword.text();
    check(
      setPassword.status === 200 && /type="password"/.test(setPasswordHtml),
      `GET /set-password with the session → ${setPassword.status}`,
    );
    say(`POST /sign-in with the temporary password → ${post.status} /set-password; the session opens it (200)`);
  } catch (error) {
    if (server) console.error(`── server output ──\n${serverLog().slice(-4000)}`);
    throw error;
  } finally {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      if ((await waitForExit(server, 10_000)) === null && server.exitCode === null)
        process.kill(-server.pid, "SIGKILL");
    }
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

// ───────────────────────── main ─────────────────────────

async function main(argv: string[]) {
  const keep = argv.includes("--keep");
  const reuse = argv.includes("--build-dir") ? argv[argv.indexOf("--build-dir") + 1] : undefined;
  const adminUrl = process.env.DATABASE_URL;
  check(
    adminUrl && /^postgres(ql)?:\/\//.test(adminUrl),
    "DATABASE_URL must name a PostgreSQL server (a user that may CREATE DATABASE)",
  );

  const stages = parseDockerfile(await fs.readFile(path.join(REPO, "Dockerfile"), "utf8"));
  const build = stages.find((s) => s.name === "build");
  const runStage = stages.at(-1);
  check(build && runStage?.name === "run", "the Dockerfile needs a build stage and a final run stage");

  const root = await fs.mkdtemp(path.join(os.tmpdir(), "porth-image-"));
  await fs.chmod(root, 0o755);
  try {
    const buildDir = reuse ? path.resolve(reuse) : path.join(root, "build");
    if (!reuse) await buildStage(build, buildDir);
    say("build stage: done");
    const owner = ensureSmokeUser();
    const image = await assembleRunStage(runStage, path.join(root, "image"), buildDir, owner);
    await smoke(path.join(root, "image"), image, owner, adminUrl);
    say("the image's run stage works");
  } finally {
    if (keep) say(`kept ${root}`);
    else await fs.rm(root, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `[image-smoke] FAILED: ${error instanceof SmokeFailure ? error.message : error instanceof Error ? error.stack : String(error)}`,
    );
    process.exit(1);
  },
);
