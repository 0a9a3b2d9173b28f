// What the data-layer sweeps share (tests/integration/data-layer-guard.test.ts,
// data-layer-nul.test.ts, fuzz.test.ts): the files of lib/data, the exports marked above their
// `export`, and Next's control-flow throws.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every source file of lib/data, relative to the repository, with "/" between parts. */
export const DATA_FILES = walk(path.join(ROOT, "lib/data"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

/** Exported names with a `// <marker>: <reason>` line directly above their export (or its doc comment), and the reason. */
export function markedExports(source: string, markers: readonly ("public" | "internal")[]): Map<string, string> {
  const found = new Map<string, string>();
  const re = new RegExp(
    `\\/\\/ (?:${markers.join("|")}): ([^\\n]+)\\n(?:\\/\\*\\*[\\s\\S]*?\\*\\/\\n)?export (?:async )?(?:function\\*? |const )(\\w+)`,
    "g",
  );
  for (const m of source.matchAll(re)) found.set(m[2], m[1].trim());
  return found;
}

/** Redirects and notFound() are Next's normal answers; anything else thrown is a 500. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK);/.test(digest);
}
