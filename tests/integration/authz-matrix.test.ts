// The authorization matrix (issue 4): finds every page, route handler and server action in the
// app, requires a row in tests/authz/matrix for each, and runs each row as every kind of caller
// against a real database — only Auth.js's cookie, Next's request headers and the translator
// are stand-ins. An endpoint without a row, or a caller let in (or kept out) against its row,
// fails.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { buildWorld, type World } from "../authz/fixtures";
import { MATRIX } from "../authz/matrix";
import { ACTORS, type Actor, type Row } from "../authz/types";
import { signInAs } from "../utils/next-mocks";
import { discover, type Found } from "../authz/discover";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

const ROOT = path.resolve(__dirname, "../..");
const DEFAULT_AT = "2027-09-01T09:00:00Z";

// ─────────────── running one call ───────────────

type Outcome = { denied: boolean; how: string };

const DENIED_PATHS = ["/sign-in", "/appointee/sign-in", "/no-access", "/mfa", "/mfa/setup", "/set-password"];

function fromThrown(error: unknown, isPage: boolean): Outcome {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
    const to = digest.split(";")[2] ?? "";
    const pathOnly = to.split("?")[0];
    // A page that sends its caller elsewhere has not served them; an action may redirect on success.
    return { denied: DENIED_PATHS.includes(pathOnly) || (isPage && pathOnly === "/"), how: `redirect ${to}` };
  }
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
    return { denied: true, how: `http ${digest.split(";")[1]}` };
  throw error;
}

function fromValue(value: unknown): Outcome {
  if (value instanceof Response) {
    const location = value.headers.get("location") ?? "";
    if ([401, 403, 404, 429].includes(value.status)) return { denied: true, how: `status ${value.status}` };
    if (value.status >= 300 && value.status < 400) {
      const pathOnly = new URL(location, "http://x").pathname;
      return { denied: DENIED_PATHS.includes(pathOnly), how: `status ${value.status} → ${location}` };
    }
    return { denied: false, how: `status ${value.status}` };
  }
  const formError = (value as { formError?: unknown } | null | undefined)?.formError;
  if (formError === "forbidden" || formError === "notFound" || formError === "unauthenticated")
    return { denied: true, how: `formError ${formError}` };
  return { denied: false, how: formError ? `formError ${String(formError)}` : "ran" };
}

async function run(found: Found, row: Row, world: World, actor: Actor): Promise<Outcome> {
  const c = { fx: world, actor };
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, found.file))) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const fn = mod[found.exportName];
  try {
    if (found.endpoint.startsWith("page ")) {
      const params = Promise.resolve(row.params ? await row.params(c) : {});
      const searchParams = Promise.resolve(row.searchParams ? await row.searchParams(c) : {});
      return fromValue(await fn({ params, searchParams }));
    }
    if (found.endpoint.startsWith("route ")) {
      const params = row.params ? await row.params(c) : {};
      let url = `http://localhost${found.path}`;
      for (const [k, v] of Object.entries(params))
        url = url.replace(`[${k}]`, encodeURIComponent(v)).replace(`[...${k}]`, v);
      const request = row.request ? await row.request(c) : new Request(url, { method: found.method });
      return fromValue(await fn(request, { params: Promise.resolve(params) }));
    }
    if (row.call) return fromValue(await row.call(fn as never, c));
    const data = row.form ? await row.form(c) : new FormData();
    return fromValue(fn.length >= 2 ? await fn({}, data) : await fn(data));
  } catch (error) {
    return fromThrown(error, found.endpoint.startsWith("page "));
  }
}

function expectedAllowed(row: Row, actor: Actor): boolean {
  if (row.allow === "everyone") return true;
  if (row.allow === "signedIn") return actor !== "anonymous" && actor !== "pendingMfa";
  return row.allow.includes(actor);
}

// ─────────────── the test ───────────────

const endpoints = discover();

describe("the authorization matrix", () => {
  let db: TestDb;
  let world: World;

  beforeAll(async () => {
    db = await createTestDb();
    world = await buildWorld(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("has a row for every page, route handler and server action, and none for endpoints that do not exist", () => {
    const listed = new Set(MATRIX.map((r) => r.endpoint));
    expect(endpoints.filter((e) => !listed.has(e.endpoint)).map((e) => e.endpoint)).toEqual([]);
    const existing = new Set(endpoints.map((e) => e.endpoint));
    expect(MATRIX.filter((r) => !existing.has(r.endpoint)).map((r) => r.endpoint)).toEqual([]);
  });

  for (const row of MATRIX) {
    const found = endpoints.find((e) => e.endpoint === row.endpoint);
    if (!found) continue;
    const title = `${row.endpoint}${row.rule ? ` — ${row.rule}` : ""}`;
    if (row.declaredOnly) {
      it.skip(`${title} (declared: ${row.declaredOnly})`, () => {});
      continue;
    }
    it(title, async () => {
      const at = new Date(row.at ?? DEFAULT_AT);
      vi.stubEnv("PORTH_FAKE_NOW", at.toISOString());
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        await world.refreshSessions(at);
        signInAs(actor === "anonymous" ? null : (world.sessionIds[actor] ?? null));
        const outcome = await run(found, row, world, actor);
        const allowed = expectedAllowed(row, actor);
        if (outcome.denied === allowed)
          wrong.push(`${actor}: expected ${allowed ? "allowed" : "denied"}, got ${outcome.how}`);
      }
      signInAs(null);
      vi.unstubAllEnvs();
      expect(wrong).toEqual([]);
    });
  }
});
