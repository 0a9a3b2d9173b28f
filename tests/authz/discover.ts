// Finds every endpoint of the app: each page, each exported method of each route handler, each
// export of each "use server" module under app/ and lib/actions/. Shared by the authorization
// matrix and the fuzz tests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function routePath(file: string): string {
  const segments = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export type Found = { endpoint: string; file: string; exportName: string; method?: string; path?: string };

export function discover(): Found[] {
  const found: Found[] = [];
  const files = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "lib/actions"))];
  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    const source = readFileSync(file, "utf8");
    if (/\/page\.tsx$/.test(rel))
      found.push({ endpoint: `page ${routePath(file)}`, file: rel, exportName: "default", path: routePath(file) });
    else if (/\/route\.ts$/.test(rel)) {
      for (const m of source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g))
        found.push({
          endpoint: `route ${m[1]} ${routePath(file)}`,
          file: rel,
          exportName: m[1],
          method: m[1],
          path: routePath(file),
        });
      if (/export const \{[^}]*\bGET\b[^}]*\} = /.test(source))
        for (const method of ["GET", "POST"])
          found.push({
            endpoint: `route ${method} ${routePath(file)}`,
            file: rel,
            exportName: method,
            method,
            path: routePath(file),
          });
    } else if (/^\s*["']use server["'];/.test(source) && /\.tsx?$/.test(rel)) {
      for (const m of source.matchAll(/export async function (\w+)/g))
        found.push({ endpoint: `action ${rel}#${m[1]}`, file: rel, exportName: m[1] });
    }
  }
  return found;
}
