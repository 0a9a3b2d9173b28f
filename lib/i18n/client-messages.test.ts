import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGES, namespacesFor, pickMessages, scopeOf, type ClientScope } from "./client-messages";
import { messagesFor, type MessageTree } from "./messages";

// The browser gets only the message namespaces its client components use
// (lib/i18n/client-messages.ts). These read the source: every file of app/ and components/, which
// of them are client components ("use client") and the namespaces they ask useTranslations for,
// and what each file imports (the aliases "@/…" and relative paths). A route file needs the
// namespaces of every client component it reaches through its imports; its directory's scope must
// give them all, or the page would show message keys instead of words.

const ROOT = path.resolve(__dirname, "../..");
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const SOURCES = new Map(
  [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components"))]
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => [rel(f), readFileSync(f, "utf8")] as const),
);

const isClient = (source: string) => /^\s*["']use client["']/.test(source);

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`])
    if (SOURCES.has(candidate)) return candidate;
  return null;
}

const importsOf = (file: string) =>
  [...SOURCES.get(file)!.matchAll(/(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/g)]
    .map((m) => resolveImport(file, m[1]))
    .filter((f): f is string => f !== null);

/** The namespaces a client file asks for itself (useTranslations with a literal). */
const ownNamespaces = (file: string) =>
  [...SOURCES.get(file)!.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

/** The namespaces of every client component `file` reaches through its imports (itself included). */
function reached(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file)) return out;
  seen.add(file);
  if (isClient(SOURCES.get(file)!)) for (const n of ownNamespaces(file)) out.add(n);
  for (const next of importsOf(file)) for (const n of reached(next, seen)) out.add(n);
  return out;
}

/** Whether `namespace` is given by a list holding it or one of its parents ("entries" gives "entries.list"). */
const covered = (namespace: string, given: readonly string[]) =>
  given.some((g) => namespace === g || namespace.startsWith(`${g}.`));

const get = (tree: MessageTree, namespace: string) =>
  namespace
    .split(".")
    .reduce<MessageTree | string | undefined>((t, k) => (typeof t === "object" ? t[k] : undefined), tree);

describe("the messages the browser gets", () => {
  it("reads a fair number of client components", () => {
    expect([...SOURCES].filter(([, s]) => isClient(s)).length).toBeGreaterThan(20);
  });

  it("asks for namespaces the way these checks can read: useTranslations with a literal, never useMessages", () => {
    const unreadable = [...SOURCES]
      .filter(([, s]) => isClient(s))
      .filter(([, s]) => /useTranslations\(\s*\)|useTranslations\(\s*[^"'\s)]|useMessages\(/.test(s))
      .map(([file]) => file);
    expect(unreadable).toEqual([]);
  });

  it("gives every route file the namespaces of every client component it reaches", () => {
    const missing: string[] = [];
    for (const file of SOURCES.keys()) {
      if (!file.startsWith("app/")) continue;
      const scope = scopeOf(path.posix.dirname(file));
      const given = namespacesFor(scope);
      for (const namespace of reached(file))
        if (!covered(namespace, given)) missing.push(`${file} (scope ${scope}): "${namespace}"`);
    }
    expect(missing).toEqual([]);
  });

  it("gives no namespace that is not a message namespace", () => {
    const en = messagesFor("en");
    const unknown = Object.values(CLIENT_MESSAGES)
      .flat()
      .filter((n) => typeof get(en, n) !== "object");
    expect(unknown).toEqual([]);
  });

  it("is given by the layout of each directory with a list, and the root layout", () => {
    for (const scope of Object.keys(CLIENT_MESSAGES) as ClientScope[]) {
      const layout = SOURCES.get(`${scope}/layout.tsx`) ?? "";
      expect(layout, `${scope}/layout.tsx`).toContain(`<ClientMessages scope="${scope}">`);
    }
    // Nowhere else does a provider hand messages to the browser.
    const providers = [...SOURCES]
      .filter(([file, s]) => /<NextIntlClientProvider\b/.test(s) && file !== "components/i18n/client-messages.tsx")
      .map(([file]) => file);
    expect(providers).toEqual([]);
  });

  it("picks whole namespaces and single branches of one, and nothing else", () => {
    const tree = { a: { x: "1", y: { z: "2" } }, b: { w: "3" }, c: "4" };
    expect(pickMessages(tree, ["a.y", "c"])).toEqual({ a: { y: { z: "2" } }, c: "4" });
    expect(pickMessages(tree, ["b", "missing"])).toEqual({ b: { w: "3" } });
    // A results page gets a small part of the catalogue.
    const en = messagesFor("en");
    const size = (t: MessageTree) => JSON.stringify(t).length;
    expect(size(pickMessages(en, namespacesFor("app/(portal)/results")))).toBeLessThan(size(en) / 10);
  });
});
