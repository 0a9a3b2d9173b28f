// The authorization matrix: finds every page, route handler and server action in the
// app, requires a row in tests/authz/matrix for each, and runs each row as every kind of caller
// against a real database — only Auth.js's cookie, Next's request headers and the translator
// are stand-ins. Each call comes from its own client address, so no rate limit run up by one
// call answers another. A row fails when a caller it lets in does not reach the endpoint's
// success path (a rendered page, a 2xx, an action's `ok: true` / `done` / a redirect onwards —
// a form or field error is not success), when a caller it keeps out is not refused, and when a
// rate limiter answers instead of the check. An endpoint without a row fails too.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { buildWorld, type World } from "../authz/fixtures";
import { MATRIX } from "../authz/matrix";
import { ACTORS, type Actor, type Row, type RowContext } from "../authz/types";
import { clientHeaders, setRequestHeaders, signInAs } from "../utils/next-mocks";
import { discover, type Found } from "../authz/discover";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

const ROOT = path.resolve(__dirname, "../..");
const DEFAULT_AT = "2027-09-01T09:00:00Z";

// ─────────────── running one call ───────────────

/**
 * What one call came to. "denied": a refusal (forbidden / notFound / unauthenticated, a redirect
 * to a page that serves no one, 401/403/404). "served": the endpoint's success path (a rendered
 * page, a 2xx, an action's `ok: true` / `done` / a redirect to a page the caller may see).
 * "limited": a rate limiter answered, so the check was never reached. "failed": anything else (a
 * form or field error, an unexpected status or result, a throw).
 */
type Verdict = "denied" | "served" | "limited" | "failed";
type Outcome = { verdict: Verdict; how: string };
type Kind = "page" | "route" | "action";

const DENIED_PATHS = ["/sign-in", "/appointee/sign-in", "/no-access", "/mfa", "/mfa/setup", "/set-password"];

/** The reasons the data layer gives each refusal code (`refuse("forbidden", "cannotGrant")`). */
function reasonsOf(...codes: string[]): string[] {
  const dir = path.join(ROOT, "lib/data");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/refuse\("(\w+)", "(\w+)"\)/g)])
    .filter((m) => codes.includes(m[1]))
    .map((m) => m[2]);
}
/** The message keys of a refusal: its codes and their reasons (an action shows the reason when there is one). */
const REFUSALS = new Set([
  "forbidden",
  "notFound",
  "unauthenticated",
  ...reasonsOf("forbidden", "notFound", "unauthenticated"),
]);
/** The message keys of a rate limit or a lock (code "limited"). */
const LIMITED = new Set(["limited", ...reasonsOf("limited")]);

function fromThrown(error: unknown, kind: Kind): Outcome {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
    const to = digest.split(";")[2] ?? "";
    const pathOnly = to.split("?")[0];
    const how = `redirect ${to}`;
    if (DENIED_PATHS.includes(pathOnly)) return { verdict: "denied", how };
    // A page that sends its caller elsewhere has not served them (All Services is where a page
    // sends a caller it will not serve); an action redirects on success.
    if (kind === "page") return { verdict: pathOnly === "/" ? "denied" : "failed", how };
    return { verdict: "served", how };
  }
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
    return { verdict: "denied", how: `http ${digest.split(";")[1]}` };
  return {
    verdict: "failed",
    how: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  };
}

function messageKeys(value: unknown): { formError?: string; fieldErrors: string[] } {
  const v = (value ?? {}) as { formError?: unknown; fieldErrors?: Record<string, unknown> };
  const fieldErrors = Object.entries(v.fieldErrors ?? {}).flatMap(([field, keys]) =>
    (Array.isArray(keys) ? keys : [keys]).map((k) => `${field}: ${String(k)}`),
  );
  return { formError: v.formError === undefined ? undefined : String(v.formError), fieldErrors };
}

function fromValue(value: unknown, kind: Kind, row: Row): Outcome {
  if (kind === "page") return { verdict: "served", how: "rendered" };
  if (value instanceof Response) {
    const location = value.headers.get("location");
    const how = `status ${value.status}${location ? ` → ${location}` : ""}`;
    if (value.status === 429) return { verdict: "limited", how };
    if ([401, 403, 404].includes(value.status)) return { verdict: "denied", how };
    if (location && value.status >= 300 && value.status < 400) {
      const pathOnly = new URL(location, "http://x").pathname;
      if (DENIED_PATHS.includes(pathOnly)) return { verdict: "denied", how };
    }
    if (row.success) return { verdict: row.success.test(value) ? "served" : "failed", how };
    return { verdict: value.status >= 200 && value.status < 300 ? "served" : "failed", how };
  }
  const { formError, fieldErrors } = messageKeys(value);
  if (formError && REFUSALS.has(formError)) return { verdict: "denied", how: `formError ${formError}` };
  if ((formError && LIMITED.has(formError)) || fieldErrors.some((e) => LIMITED.has(e.split(": ")[1])))
    return { verdict: "limited", how: formError ? `formError ${formError}` : `fieldErrors ${fieldErrors.join(", ")}` };
  if (formError) return { verdict: "failed", how: `formError ${formError}` };
  if (fieldErrors.length) return { verdict: "failed", how: `fieldErrors ${fieldErrors.join(", ")}` };
  const how = `returned ${summarise(value)}`;
  if (row.success) return { verdict: row.success.test(value) ? "served" : "failed", how };
  const v = (value ?? {}) as { ok?: unknown; done?: unknown; stage?: unknown };
  const succeeded = v.ok === true || (v.done !== undefined && v.done !== false) || v.stage === "done";
  return { verdict: succeeded ? "served" : "failed", how };
}

function summarise(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  } catch {
    return String(value);
  }
}

/** Each call comes from its own client address, so no call meets a rate limit another one ran up. */
let calls = 0;
function nextAddress(): string {
  const n = calls++;
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}

function withHeaders(request: Request, extra: Record<string, string>): Request {
  const headers = new Headers(request.headers);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  return new Request(request, { headers });
}

async function run(found: Found, row: Row, c: RowContext, address: string): Promise<Outcome> {
  const kind: Kind = found.endpoint.startsWith("page ")
    ? "page"
    : found.endpoint.startsWith("route ")
      ? "route"
      : "action";
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, found.file))) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const fn = mod[found.exportName];
  try {
    if (kind === "page") {
      const params = Promise.resolve(row.params ? await row.params(c) : {});
      const searchParams = Promise.resolve(row.searchParams ? await row.searchParams(c) : {});
      return fromValue(await fn({ params, searchParams }), kind, row);
    }
    if (kind === "route") {
      const params = row.params ? await row.params(c) : {};
      let url = `http://localhost${found.path}`;
      for (const [k, v] of Object.entries(params))
        url = url.replace(`[${k}]`, encodeURIComponent(v)).replace(`[...${k}]`, v);
      const request = row.request ? await row.request(c) : new Request(url, { method: found.method });
      return fromValue(
        await fn(withHeaders(request, clientHeaders(address)), { params: Promise.resolve(params) }),
        kind,
        row,
      );
    }
    if (row.call) return fromValue(await row.call(fn as never, c), kind, row);
    const data = row.form ? await row.form(c) : new FormData();
    return fromValue(fn.length >= 2 ? await fn({}, data) : await fn(data), kind, row);
  } catch (error) {
    return fromThrown(error, kind);
  }
}

function expectedAllowed(row: Row, actor: Actor): boolean {
  if (row.allow === "everyone") return true;
  if (row.allow === "signedIn") return actor !== "anonymous" && actor !== "pendingMfa";
  return row.allow.includes(actor);
}

/** What is wrong with one call's outcome, or null. */
function judge(row: Row, actor: Actor, outcome: Outcome): string | null {
  if (outcome.verdict === "limited") return `the limiter answered, not the check (${outcome.how})`;
  if (!expectedAllowed(row, actor)) return outcome.verdict === "denied" ? null : `expected denied, got ${outcome.how}`;
  const escape = row.expectForAllowed;
  if (escape && (!escape.actors || escape.actors.includes(actor))) {
    const matches =
      typeof escape.outcome === "string" ? outcome.how === escape.outcome : escape.outcome.test(outcome.how);
    return matches ? null : `expected (${escape.reason}) ${String(escape.outcome)}, got ${outcome.how}`;
  }
  if (outcome.verdict === "served") return null;
  return outcome.verdict === "denied"
    ? `expected allowed, got ${outcome.how}`
    : `expected allowed to succeed, got ${outcome.how}`;
}

// ─────────────── the test ───────────────

const endpoints = discover();
const tally = { rows: 0, calls: 0, passes: 0 };

describe("the authorization matrix", () => {
  let db: TestDb;
  let world: World;

  beforeAll(async () => {
    db = await createTestDb();
    world = await buildWorld(db.prisma);
  }, 120_000);
  afterAll(async () => {
    console.info(`authorization matrix: ${tally.rows} rows run, ${tally.calls} calls, ${tally.passes} as the row says`);
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
      tally.rows++;
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        // Each call starts with the caller just signed in: session alive, second factor fresh.
        await world.refreshSessions(at, { secondFactorJustChecked: true });
        signInAs(actor === "anonymous" ? null : (world.sessionIds[actor] ?? null));
        const address = nextAddress();
        setRequestHeaders(clientHeaders(address));
        const outcome = await run(found, row, { fx: world, actor, at }, address);
        tally.calls++;
        const problem = judge(row, actor, outcome);
        if (problem) wrong.push(`${row.endpoint}${row.rule ? ` (${row.rule})` : ""} — ${actor}: ${problem}`);
        else tally.passes++;
      }
      signInAs(null);
      setRequestHeaders(null);
      vi.unstubAllEnvs();
      expect(wrong).toEqual([]);
    });
  }
});
