// The benchmark's build: a worktree of the commit with a bare page and a bare route handler
// added there only, built for production and kept for reuse.
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO, run, say, type Env } from "./shell";

/** Added to the benchmark's worktree only: the floor every page and route handler stands on. */
export const BARE_FILES: Record<string, string> = {
  "app/bench-bare/page.tsx": `import { connection } from "next/server";

// The benchmark's bare dynamic page: the root layout and nothing else (bench/results-day.ts).
export default async function BenchBarePage() {
  await connection();
  return <main id="main"><h1>Bare</h1></main>;
}
`,
  // Not a goal's yardstick, a diagnosis: what the portal's frame costs before a page adds anything.
  "app/(portal)/bench-shell/page.tsx": `import { requireUser } from "@/lib/auth/session";

// The benchmark's empty portal page: signed in, the portal's layout and nothing else (bench/results-day.ts).
export default async function BenchShellPage() {
  await requireUser();
  return <h1>Shell</h1>;
}
`,
  // The least a page of a hundred results can cost: the empty portal page plus a hundred rows of
  // fixed text drawn as /results draws its rows, no query (docs/decisions/025-long-tables.md).
  "app/(portal)/bench-shell-rows/page.tsx": `import { requireUser } from "@/lib/auth/session";
import { ResultRows, type ResultRowCells } from "@/components/results/result-rows";

// The benchmark's empty portal page with a hundred fixed result rows (bench/results-day.ts).
const ROWS: ResultRowCells[] = Array.from({ length: 100 }, (_, i) => {
  const n = String(i + 1).padStart(4, "0");
  return [\`r\${n}\`, \`c\${n}\`, n, \`Surname \${n}, First\`, \`95\${n.slice(2)} Subject\`, "GCSE", String(i % 9)];
});

export default async function BenchShellRowsPage() {
  await requireUser();
  return (
    <table>
      <tbody>
        <ResultRows rows={ROWS} specificationFirst={false} statementLabel="Statement" seriesQuery="?series=x" />
      </tbody>
    </table>
  );
}
`,
  // The same without the portal's layout: the bare page plus finding the signed-in session.
  "app/bench-session/page.tsx": `import { requireUser } from "@/lib/auth/session";

// The benchmark's signed-in bare page: the root layout and the session check (bench/results-day.ts).
export default async function BenchSessionPage() {
  await requireUser();
  return <main id="main"><h1>Session</h1></main>;
}
`,
  "app/api/bench-bare/route.ts": `// The benchmark's bare route handler (bench/results-day.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ ok: true });
}
`,
};

/** The worktree of `sha` with the bare page and route, built; reused when a kept one is there. */
export async function prepareBuild(sha: string): Promise<{ dir: string; made: boolean }> {
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
