// The A2C machine API (docs/product-rules.md ("A2C")): JSON/CSV, revoked keys, the embargo at
// restricted release (BST and GMT), the per-key rate limit, last-used time and the audit row of
// every call. Managing the keys is in a2c-keys.test.ts; the world in tests/integration/a2c/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "../utils/test-db";
import { revokeKey } from "@/lib/data/a2c/keys";
import { resultsFileForKey } from "@/lib/data/results/file";
import { LIMITS } from "@/lib/data/rate-limit";
import { londonTime } from "@/lib/time";
import { A2C_OPENAPI } from "@/lib/a2c/openapi";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { GET as getEntries } from "@/app/api/a2c/v1/entries/route";
import { GET as getResults } from "@/app/api/a2c/v1/results/route";
import { GET as getOpenApi } from "@/app/api/a2c/v1/openapi.json/route";
import { buildA2cWorld, NOW, type A2cWorld } from "./a2c/world";

// The request the route handler is serving: next/headers answers with its headers, as in Next.
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => incoming.headers,
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

/** Serves `request` with a route handler, the way Next does (its headers are the request's). */
function serve(handler: (request: Request) => Promise<Response>, request: Request): Promise<Response> {
  incoming.headers = request.headers;
  return handler(request);
}

let db: TestDb;
let centreA: Centre;
let june: Series;
let s: A2cWorld["s"];
let as: A2cWorld["as"];
let newKey: A2cWorld["newKey"];

beforeAll(async () => {
  ({ db, centreA, june, s, as, newKey } = await buildA2cWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
});

async function call(
  kind: "entries" | "results",
  options: { key?: string | null; series?: string; at?: Date; query?: string; accept?: string } = {},
) {
  vi.stubEnv("PORTH_FAKE_NOW", (options.at ?? NOW).toISOString());
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.accept) headers.accept = options.accept;
  const url = `http://localhost/api/a2c/v1/${kind}?series=${options.series ?? june.code}${options.query ?? ""}`;
  const response = await serve(kind === "entries" ? getEntries : getResults, new Request(url, { headers }));
  vi.unstubAllEnvs();
  return response;
}

describe("A2C API", () => {
  it("serves the key's centre's entries and results as JSON", async () => {
    const { key } = await newKey();
    const entries = await call("entries", { key });
    expect(entries.status).toBe(200);
    expect(entries.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await entries.json()) as { series: string; entries: { uci: string }[] };
    expect(body.series).toBe("2027-06");
    const expected = await db.prisma.entry.count({ where: { centreId: centreA.id, seriesId: june.id } });
    expect(body.entries).toHaveLength(expected);
    const ucisA = new Set((await db.prisma.candidate.findMany({ where: { centreId: centreA.id } })).map((c) => c.uci));
    expect(body.entries.every((e) => ucisA.has(e.uci))).toBe(true);

    const results = (await (await call("results", { key })).json()) as {
      results: { grade: string; uci: string; centreNumber: string }[];
    };
    expect(results.results).toHaveLength(
      await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: june.id } }),
    );
    expect(results.results.every((r) => ucisA.has(r.uci) && r.grade && r.centreNumber === centreA.number)).toBe(true);
  });

  it("serves CSV for format=csv or Accept: text/csv", async () => {
    const { key } = await newKey();
    for (const options of [{ query: "&format=csv" }, { accept: "text/csv" }]) {
      const response = await call("results", { key, ...options });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      const lines = (await response.text()).trim().split("\r\n");
      // The results file's layout (lib/data/results/file.ts).
      expect(lines[0]).toBe(
        "Centre number,Series,Candidate number,UCI,Surname,Forenames,Date of birth,Qualification,Specification code,Specification title,Grade,Uniform mark,Component marks",
      );
      expect(lines[1].startsWith(`${centreA.number},2027-06,`)).toBe(true);
      expect(lines.length - 1).toBe(
        await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: june.id } }),
      );
    }
    const entries = await call("entries", { key, query: "&format=csv" });
    expect((await entries.text()).split("\r\n")[0]).toMatch(/^candidate_number,uci,surname/);
  });

  it("answers 401 with WWW-Authenticate for no key, an unknown key and a revoked key", async () => {
    const { id, key } = await newKey();
    expect((await call("results", { key })).status).toBe(200);
    await as(s.eo);
    await revokeKey(id);
    for (const k of [key, null, "porth_a2c_unknown", `${key}x`]) {
      const response = await call("results", { key: k });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toMatch(/grade/);
    }
  });

  it("slows down key guessing from one address: after 20 wrong keys a minute, 429 without an audit row each", async () => {
    vi.stubEnv("TRUST_PROXY", "true");
    const guess = (i: number) => {
      vi.stubEnv("PORTH_FAKE_NOW", NOW.toISOString());
      return serve(
        getResults,
        new Request(`http://localhost/api/a2c/v1/results?series=${june.code}`, {
          headers: { authorization: `Bearer porth_a2c_guess${i}`, "x-forwarded-for": "203.0.113.77" },
        }),
      );
    };
    const before = await db.prisma.auditEvent.count({ where: { action: "a2c.results", outcome: "denied" } });
    for (let i = 0; i < 20; i++) expect((await guess(i)).status).toBe(401);
    const limited = await guess(20);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(await db.prisma.auditEvent.count({ where: { action: "a2c.results", outcome: "denied" } })).toBe(before + 20);
    // A valid key from the same address still works.
    const { key } = await newKey();
    vi.stubEnv("PORTH_FAKE_NOW", NOW.toISOString());
    const ok = await serve(
      getResults,
      new Request(`http://localhost/api/a2c/v1/results?series=${june.code}`, {
        headers: { authorization: `Bearer ${key}`, "x-forwarded-for": "203.0.113.77" },
      }),
    );
    expect(ok.status).toBe(200);
    vi.unstubAllEnvs();
  });

  it("keeps results under embargo until 00:00 London on the restricted-release day (BST)", async () => {
    const { key } = await newKey();
    const count = await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: june.id } });
    const before = await call("results", { key, at: londonTime(2027, 8, 17, 23, 59, 59) });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ series: "2027-06", results: [] });
    const csvBefore = await call("results", { key, at: londonTime(2027, 8, 17, 23, 59, 59), query: "&format=csv" });
    expect((await csvBefore.text()).trim().split("\r\n")).toHaveLength(1);
    const at = londonTime(2027, 8, 18, 0, 0, 0);
    expect(at.toISOString()).toBe("2027-08-17T23:00:00.000Z");
    const after = (await (await call("results", { key, at })).json()) as { results: unknown[] };
    expect(after.results).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    // Entries are not embargoed.
    const entries = (await (await call("entries", { key, at: londonTime(2027, 8, 17, 23, 59, 59) })).json()) as {
      entries: unknown[];
    };
    expect(entries.entries.length).toBeGreaterThan(0);
  });

  it("keeps results under embargo until 00:00 London on the restricted-release day (GMT)", async () => {
    const { key } = await newKey();
    const before = (await (
      await call("results", { key, series: "2028-01", at: londonTime(2028, 1, 11, 23, 59, 59) })
    ).json()) as { results: unknown[] };
    expect(before.results).toEqual([]);
    const at = londonTime(2028, 1, 12, 0, 0, 0);
    expect(at.toISOString()).toBe("2028-01-12T00:00:00.000Z");
    const after = (await (await call("results", { key, series: "2028-01", at })).json()) as { results: unknown[] };
    expect(after.results).toHaveLength(2);
  });

  it("limits each key to 120 calls a minute, answering 429 with Retry-After", async () => {
    const { id, key } = await newKey();
    const other = await newKey();
    // 119 calls already made in this window (filling the window by hand keeps the test quick).
    await db.prisma.rateLimit.create({
      data: { key: `a2c:${id}`, count: LIMITS.a2cPerKey.limit - 1, resetAt: new Date(NOW.getTime() + 30_000) },
    });
    expect((await call("entries", { key })).status).toBe(200);
    const limited = await call("entries", { key });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    // Another key is not affected; the window ends and the key works again.
    expect((await call("entries", { key: other.key })).status).toBe(200);
    expect((await call("entries", { key, at: new Date(NOW.getTime() + 30_000) })).status).toBe(200);
  });

  it("raises the limit of the benchmark's own key only on a benchmark's database", async () => {
    const { id, key } = await newKey();
    await db.prisma.rateLimit.create({
      data: { key: `a2c:${id}`, count: LIMITS.a2cPerKey.limit, resetAt: new Date(NOW.getTime() + 30_000) },
    });
    // (call() clears the environment it was given after each call.)
    const callWith = (env: Record<string, string>) => {
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      return call("entries", { key });
    };
    // This test's own database is not a benchmark's: the key is limited as any other.
    expect((await callWith({ PORTH_BENCH_A2C_KEY_ID: id })).status).toBe(429);
    const bench = { PORTH_BENCH_A2C_KEY_ID: id, DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/porth_bench_test" };
    expect((await callWith(bench)).status).toBe(200);
    // Another key on that database is not raised.
    expect((await callWith({ ...bench, PORTH_BENCH_A2C_KEY_ID: "another" })).status).toBe(429);
    expect((await call("entries", { key })).status).toBe(429);
  });

  it("records the last use and writes an audit row for every call", async () => {
    const { id, key } = await newKey();
    const at = new Date(NOW.getTime() + 5 * 60_000);
    await call("results", { key, at });
    const lastUsed = async () => (await db.prisma.a2CKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsed()).toEqual(at);
    // To the minute: a call within the minute writes nothing, one a minute on does.
    await call("results", { key, at: new Date(at.getTime() + 59_000) });
    expect(await lastUsed()).toEqual(at);
    await call("results", { key, at: new Date(at.getTime() + 60_000) });
    expect(await lastUsed()).toEqual(new Date(at.getTime() + 60_000));
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "a2c.results", centreId: centreA.id } });
    expect(rows.find((r) => (r.details as { keyId?: string }).keyId === id)).toMatchObject({
      outcome: "success",
      details: { keyId: id, series: "2027-06", outcome: "ok" },
    });

    const embargoed = await call("results", { key, at: londonTime(2027, 8, 17, 12, 0, 0) });
    expect(embargoed.status).toBe(200);
    await call("entries", { key, series: "1999-01" });
    const all = await db.prisma.auditEvent.findMany({
      where: { centreId: centreA.id, action: { in: ["a2c.results", "a2c.entries"] } },
    });
    const mine = all
      .filter((r) => (r.details as { keyId?: string }).keyId === id)
      .map((r) => [r.action, (r.details as { outcome: string }).outcome]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ["a2c.results", "ok"],
        ["a2c.results", "embargoed"],
        ["a2c.entries", "unknownSeries"],
      ]),
    );
    const unauthorised = await db.prisma.auditEvent.count({
      where: { action: "a2c.results", outcome: "denied", centreId: null },
    });
    await call("results", { key: "porth_a2c_nobody" });
    expect(
      await db.prisma.auditEvent.count({ where: { action: "a2c.results", outcome: "denied", centreId: null } }),
    ).toBe(unauthorised + 1);
  });

  it("gives the results rows only for a key it authenticated, never for a hand-made one", async () => {
    const { id } = await newKey();
    const handMade = { kind: "a2c-key", keyId: id, centreId: centreA.id } as const;
    expect(await resultsFileForKey(handMade, june.id)).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("serves its OpenAPI 3.1 description publicly", async () => {
    const response = await getOpenApi();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as typeof A2C_OPENAPI;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/entries", "/results"]);
    expect(doc.paths["/results"].get.responses).toHaveProperty("401");
    expect(doc.paths["/results"].get.responses).toHaveProperty("429");
    expect(doc.components.securitySchemes.a2cKey.scheme).toBe("bearer");
  });
});
