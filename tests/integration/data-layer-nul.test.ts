// A NUL byte is the one character PostgreSQL refuses in text, so a record id, code or search that
// carries one must be turned away by the data layer before it reaches the database, not answered
// with a 500. Every exported function of lib/data whose parameters are all strings (ids, codes,
// searches; save the `// internal:` building blocks, which take a transaction) is called by each
// kind of signed-in person with every argument a string holding a NUL byte; each must answer — a
// refusal, an empty list — and never throw.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { buildWorld, type World } from "../authz/fixtures";
import { signInAs } from "../utils/next-mocks";
import { DATA_FILES, isNextControlFlow, markedExports, ROOT } from "../utils/data-layer";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

const AT = new Date("2027-09-01T09:00:00Z");
const ACTORS = ["eo", "board", "appointee", "moderator"] as const;
const NUL = "a\u0000b";

const FILES = DATA_FILES;

/** Exported functions whose every parameter is typed `string` (optional or not), by name, with their arity. */
function stringOnlyExports(source: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of source.matchAll(/export (?:async )?function (\w+)\(([^)]*)\)/g)) {
    const params = m[2]
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    if (params.length && params.every((p) => /^\w+\??: string$/.test(p))) found.set(m[1], params.length);
  }
  return found;
}

let db: TestDb;
let world: World;
beforeAll(async () => {
  db = await createTestDb();
  world = await buildWorld(db.prisma);
  vi.stubEnv("PORTH_FAKE_NOW", AT.toISOString());
}, 120_000);
afterAll(async () => {
  signInAs(null);
  await db?.close();
});

let checked = 0;

describe("a NUL byte in any argument of the data layer", () => {
  afterAll(() => expect(checked).toBeGreaterThan(40));

  it.each(FILES)("%s answers, never fails", async (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const skip = markedExports(source, ["internal"]);
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const failures: string[] = [];
    for (const [name, arity] of stringOnlyExports(source)) {
      const fn = mod[name];
      if (typeof fn !== "function" || skip.has(name)) continue;
      for (const actor of ACTORS) {
        await world.refreshSessions(AT, { secondFactorJustChecked: true });
        signInAs(world.sessionIds[actor] ?? null);
        const args = Array.from({ length: arity }, () => NUL);
        try {
          await (fn as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          if (isNextControlFlow(error)) continue;
          const message = String((error as Error)?.message ?? error).trim();
          failures.push(`${name} as ${actor}: ${message.split("\n").slice(-1)[0]}`);
        }
      }
    }
    expect(failures).toEqual([]);
    checked += stringOnlyExports(source).size;
  });
});
