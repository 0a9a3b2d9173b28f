// Shared by the benchmarks: the repository, progress lines, and running a command.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const started = performance.now();
export const say = (line: string) =>
  console.error(`[bench] ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

export type Env = Record<string, string | undefined>;

export function run(command: string, args: string[], options: { cwd: string; env?: Env; quiet?: boolean }) {
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
