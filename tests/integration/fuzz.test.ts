// Property tests over every server action and route handler (fast-check): whatever arrives —
// random Unicode, NUL bytes, very long strings, a list where one value is expected, fields the
// form never sends — the answer is a refusal or a validation message, never an unhandled error
// (a 500), and nothing in the database changes. A form that happens to be valid may be done, but
// only if it carries no NUL byte. Callers: the exams officer of centre A (the widest centre
// permissions) and board staff.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { buildWorld, type World } from "../authz/fixtures";
import { discover } from "../authz/discover";
import { signInAs } from "../utils/next-mocks";
import { isNextControlFlow, ROOT } from "../utils/data-layer";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

const AT = new Date("2027-09-01T09:00:00Z");
const RUNS = 15;
// Each endpoint draws its own inputs from a seed made of its name and a base: `npm test` is the
// same run every time (a failure names the seed to replay), and `FUZZ_SEED=<n>` explores others.
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261130) | 0;
const seedOf = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, BASE_SEED);

// Actions that end the caller's own session, whatever they are sent: fuzzed elsewhere would
// only sign the fuzzer out.
const SKIP = new Set(["signOutAction"]);

/** Field names the portal's forms use, and a few they never do. */
const FIELDS = [
  "email",
  "name",
  "title",
  "jobRole",
  "role",
  "permissions",
  "permission",
  "userId",
  "requestId",
  "decision",
  "confirm",
  "candidateId",
  "candidateNumber",
  "firstName",
  "lastName",
  "dateOfBirth",
  "uln",
  "series",
  "specification",
  "entryId",
  "componentId",
  "kind",
  "reason",
  "keyId",
  "label",
  "code",
  "password",
  "newPassword",
  "confirmPassword",
  "currentPassword",
  "method",
  "phone",
  "language",
  "returnTo",
  "key",
  "q",
  "number",
  "nameEn",
  "nameCy",
  "file",
  "csv",
  "consent",
  "scriptId",
  "$extra",
  "__proto__",
  "constructor",
];

const nasty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom("\u0000", "%00", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "𝕏".repeat(50)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => "x".repeat(n)),
  fc.constantFrom("", " ", "-1", "1e309", "NaN", "null", "[]", "{}", "true"),
);

/** Forms of the action's own field names (the string literals of its file) and others. */
function formArb(own: string[]) {
  const single = fc.tuple(fc.constantFrom(...own), nasty).map(([k, v]) => [k, [v]] as [string, string[]]);
  const any = fc.tuple(fc.constantFrom(...FIELDS, ...own), fc.array(nasty, { minLength: 1, maxLength: 3 }));
  // Mostly only fields the form sends (so validation, not the extra-field check, is reached).
  return fc.oneof(
    { weight: 3, arbitrary: fc.uniqueArray(single, { maxLength: own.length, selector: ([k]) => k }) },
    { weight: 1, arbitrary: fc.array(any, { maxLength: 8 }) },
  );
}

/** String literals of a source file that could be form field names. */
function fieldNamesIn(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/["']([a-zA-Z][a-zA-Z0-9]{1,30})["']/g)) names.add(m[1]);
  return names.size ? [...names] : ["x"];
}

function toForm(entries: [string, string[]][]): FormData {
  const data = new FormData();
  for (const [key, values] of entries) for (const v of values) data.append(key, v);
  return data;
}

let db: TestDb;
let world: World;

/** Row counts of every table whose rows a person's action creates or removes, and the accounts' details, in one query. */
async function fingerprint(): Promise<string> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`
    SELECT (SELECT count(*) FROM "User")::int AS users,
           (SELECT count(*) FROM "PermissionGrant")::int AS grants,
           (SELECT count(*) FROM "Invite")::int AS invites,
           (SELECT count(*) FROM "AccessRequest")::int AS "accessRequests",
           (SELECT count(*) FROM "Centre")::int AS centres,
           (SELECT count(*) FROM "Candidate")::int AS candidates,
           (SELECT count(*) FROM "Entry")::int AS entries,
           (SELECT count(*) FROM "A2CKey" WHERE "revokedAt" IS NULL)::int AS keys,
           (SELECT count(*) FROM "ReviewRequest")::int AS reviews,
           (SELECT count(*) FROM "AccessArrangement" WHERE "status" <> 'WITHDRAWN')::int AS "accessArrangements",
           (SELECT count(*) FROM "ModifiedPaperOrder")::int AS "paperOrders",
           (SELECT md5(string_agg(concat_ws('|', "code", "modifiedPaperDeadline"), ',' ORDER BY id)) FROM "Series") AS "paperDeadlines",
           (SELECT md5(string_agg(concat_ws('|', id, version, total, code, items::text, "submittedAt"), ',' ORDER BY id))
              FROM "Mark") AS marks,
           (SELECT md5(string_agg(concat_ws('|', id, status, "submittedAt"), ',' ORDER BY id)) FROM "MarkSheet") AS sheets,
           (SELECT count(*) FROM "MarkSample")::int AS samples,
           (SELECT md5(string_agg(concat_ws('|', id, "submittedAt", "releasedAt", adjustment, comments), ',' ORDER BY id))
              FROM "ModerationReport") AS reports,
           (SELECT count(*) FROM "Favourite")::int AS favourites,
           (SELECT count(*) FROM "MfaFactor")::int AS factors,
           (SELECT count(*) FROM "RecoveryCode")::int AS "recoveryCodes",
           (SELECT md5(string_agg(concat_ws('|', email, role, name, title, "jobRole", language, "passwordHash"), ',' ORDER BY id))
              FROM "User") AS accounts`);
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  db = await createTestDb();
  world = await buildWorld(db.prisma);
  vi.stubEnv("PORTH_FAKE_NOW", AT.toISOString());
}, 120_000);
afterAll(async () => {
  signInAs(null);
  await db?.close();
});

const endpoints = discover();
const actions = endpoints.filter((e) => e.endpoint.startsWith("action ") && !SKIP.has(e.exportName));
const routes = endpoints.filter((e) => e.endpoint.startsWith("route ") && !e.file.includes("[...nextauth]"));

describe("fuzzing every server action", () => {
  it("finds the actions", () => expect(actions.length).toBeGreaterThan(20));

  it.each(actions.map((a) => [a.endpoint, a] as const))("%s", async (_name, found) => {
    const mod = (await import(path.join(ROOT, found.file))) as Record<string, (...args: unknown[]) => unknown>;
    const fn = mod[found.exportName];
    const own = fieldNamesIn(found.file);
    for (const actor of ["eo", "board"] as const) {
      await fc.assert(
        fc.asyncProperty(formArb(own), async (entries) => {
          await world.refreshSessions(AT);
          signInAs(world.sessionIds[actor] ?? null);
          const before = await fingerprint();
          let answer: unknown;
          try {
            const data = toForm(entries);
            answer = fn.length >= 2 ? await fn({}, data) : await fn(data);
          } catch (error) {
            if (!isNextControlFlow(error)) throw error;
          }
          // A form the fuzzer happens to make valid (a key named "../../etc/passwd" is a fine
          // name) is done, and says so; anything else must leave the database as it was.
          if ((answer as { ok?: unknown } | undefined)?.ok === true) {
            expect(entries.flatMap(([, values]) => values).some((v) => v.includes("\u0000"))).toBe(false);
            return;
          }
          expect(await fingerprint()).toBe(before);
        }),
        { numRuns: RUNS, seed: seedOf(`${found.endpoint} ${actor}`) },
      );
    }
  });
});

describe("fuzzing every route handler", () => {
  const params = fc.dictionary(fc.constantFrom("series", "kind", "format", "key", "id", "to", "q"), nasty, {
    maxKeys: 4,
  });

  it.each(routes.map((r) => [r.endpoint, r] as const))("%s", async (_name, found) => {
    const mod = (await import(path.join(ROOT, found.file))) as Record<string, (...args: unknown[]) => unknown>;
    const fn = mod[found.exportName];
    await fc.assert(
      fc.asyncProperty(params, fc.array(fc.string(), { maxLength: 3 }), nasty, async (query, segments, bearer) => {
        await world.refreshSessions(AT);
        signInAs(world.sessionIds.eo ?? null);
        const before = await fingerprint();
        const url = new URL(`http://localhost${found.path}`);
        for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
        const pathname = url.pathname.replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, () =>
          encodeURIComponent(segments.join("/")),
        );
        const request = new Request(new URL(pathname + url.search, url), {
          method: found.method,
          headers: { authorization: `Bearer ${bearer.replace(/[^\x21-\x7e]/g, "")}` },
        });
        const routeParams: Record<string, string | string[]> = {};
        for (const m of found.path!.matchAll(/\[(\.\.\.)?(\w+)\]/g))
          routeParams[m[2]] = m[1] ? segments : segments.join("/");
        let response: unknown;
        try {
          response = await fn(request, { params: Promise.resolve(routeParams) });
        } catch (error) {
          if (!isNextControlFlow(error)) throw error;
        }
        if (response instanceof Response) {
          expect(response.status, `${found.endpoint} ${url.search}`).toBeLessThan(500);
          await response.body?.cancel();
        }
        expect(await fingerprint()).toBe(before);
      }),
      { numRuns: RUNS, seed: seedOf(found.endpoint) },
    );
  });
});
