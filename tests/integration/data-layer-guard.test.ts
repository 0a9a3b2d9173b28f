// The data layer is the trusted check (docs/decisions/011-authorization-kernel.md): every
// exported function of lib/data answers a caller with no session with "unauthenticated" before
// it reads its arguments or the database — called here with no arguments at all. The few that
// serve people who are not signed in yet say so with a `// public: <reason>` line right above
// their `export`, and the building blocks that run inside an authorized function's transaction
// (they take the transaction) with `// internal: <reason>`; those are listed, not called.
// Every lib/data file is `server-only`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { signInAs } from "../utils/next-mocks";
import { DATA_FILES, markedExports, ROOT } from "../utils/data-layer";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

const FILES = DATA_FILES;

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  signInAs(null);
});
afterAll(async () => db?.close());

describe("the data layer", () => {
  it("has files to check", () => expect(FILES.length).toBeGreaterThan(20));

  it.each(FILES)("%s is server-only", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    expect(source.startsWith('import "server-only";'), `${file} must start with import "server-only";`).toBe(true);
  });

  it.each(FILES)("%s: every exported function refuses a caller with no session", async (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const open = markedExports(source, ["public", "internal"]);
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const checked: string[] = [];
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function" || open.has(name)) continue;
      if (value.constructor.name === "AsyncGeneratorFunction" || value.constructor.name === "GeneratorFunction") {
        throw new Error(`${file}#${name} is an exported generator: export an authorized function that returns it`);
      }
      if (/^[A-Z]/.test(name)) continue; // classes (error types)
      signInAs(null);
      let outcome: unknown;
      try {
        outcome = await (value as () => unknown)();
      } catch (error) {
        throw new Error(`${file}#${name} threw instead of refusing: ${(error as Error).message}`);
      }
      expect(outcome, `${file}#${name}`).toEqual({ ok: false, error: "unauthenticated" });
      checked.push(name);
    }
    // A file exports something: either checked functions, public ones, or only types/constants.
    expect(checked.length + open.size + Object.keys(mod).length).toBeGreaterThan(0);
  });
});
