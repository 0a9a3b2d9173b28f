// The hot queries of results day read indexes, not whole tables (docs/product-rules.md ("Results
// embargo") says when results day is; bench/results-day.ts measures it). The data functions of the
// session lookup, the results page and its filters, the results file and the entries and
// candidates pages run here as a signed-in exams officer would run them; every statement they send
// is captured from Prisma's query log and its plan read with EXPLAIN. No plan may read the Result,
// Entry, ComponentResult, Candidate or Session table whole (a "Seq Scan").
//
// PostgreSQL only: the plans are the PostgreSQL server's. In-memory PGlite plans with the same
// code but on a database of a different size and settings (no parallel workers, its own memory
// and cost settings), so its plans would say nothing about the server on results day.
//
// The database: twelve centres of 250 candidates with their entries and results (about 12,000
// entries and results and 30,000 component results) and 3,000 sessions, then ANALYZE, so the
// planner chooses as it would for a board; an index only pays off once the table is larger than a
// few pages.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, setPrismaForTests } from "@/lib/db/client";
import { PrismaClient, type Centre, type Series } from "@/lib/generated/prisma/client";
import { findLiveSession } from "@/lib/data/identity/sessions";
import { resultFilterOptions, resultsByCandidate, resultsBySubject } from "@/lib/data/results/list";
import { resultsFile } from "@/lib/data/results/file";
import { listEntries } from "@/lib/data/entries/entries";
import { listCandidates } from "@/lib/data/entries/candidates";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createGradeBoundaries,
  createQualificationCatalogue,
  createSeries,
  createUser,
} from "../factories";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

const ON_POSTGRES = isPostgresUrl(process.env.DATABASE_URL);
/** After the restricted release of the June 2027 series: the exams officer sees results. */
const AT = new Date("2027-09-01T09:00:00Z");
const TABLES = ["Result", "Entry", "ComponentResult", "Candidate", "Session"];

type Captured = { sql: string; params: unknown[] };
type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

let db: TestDb;
let logged: PrismaClient;
let explainer: pg.Client;
let captured: Captured[] = [];
let centre: Centre;
let series: Series;
let sessionId: string;

/** The statements `run` sends to the database. */
async function statementsOf(run: () => Promise<unknown>): Promise<Captured[]> {
  captured = [];
  await run();
  return captured.filter((c) => /^\s*(SELECT|WITH|UPDATE|DELETE)\b/i.test(c.sql));
}

function scans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** "Seq Scan on X" for each hot table a statement's plan reads whole. */
async function wholeTableReads(statement: Captured): Promise<string[]> {
  const { rows } = await explainer.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
  const plan = (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan;
  return scans(plan)
    .filter((n) => n["Node Type"] === "Seq Scan" && TABLES.includes(n["Relation Name"] ?? ""))
    .map((n) => `Seq Scan on ${n["Relation Name"]}`);
}

async function expectIndexed(name: string, run: () => Promise<unknown>) {
  const statements = await statementsOf(run);
  expect(statements.length, `${name}: no statements captured`).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const statement of statements)
    for (const read of await wholeTableReads(statement))
      problems.push(`${name}: ${read}\n  ${statement.sql.replace(/\s+/g, " ").slice(0, 400)}`);
  expect(problems).toEqual([]);
}

describe.skipIf(!ON_POSTGRES)("the hot queries' plans on PostgreSQL", () => {
  beforeAll(async () => {
    db = await createTestDb();
    const catalogue = await createQualificationCatalogue(db.prisma);
    series = await createSeries(db.prisma);
    await createGradeBoundaries(db.prisma, series, catalogue.components);
    const centres: Centre[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await createCentre(db.prisma);
      const candidates = await createCandidates(db.prisma, c, 250);
      await createEntriesAndResults(db.prisma, c, series, candidates, catalogue.specs);
      centres.push(c);
    }
    centre = centres[5];
    const eo = await createUser(db.prisma, { role: "EXAMS_OFFICER", centre, mfa: "totp" });
    // Other people's sessions, so the session table is not a page or two.
    const other = await createUser(db.prisma, { role: "USER", centre: centres[0], mfa: "totp" });
    await db.prisma.session.createMany({
      data: Array.from({ length: 3000 }, () => {
        const id = randomBytes(16).toString("hex");
        return { id, sessionToken: id, userId: other.id, expires: AT, lastSeenAt: AT, mfaAt: AT };
      }),
    });
    sessionId = randomBytes(16).toString("hex");
    await db.prisma.session.create({
      data: {
        id: sessionId,
        sessionToken: sessionId,
        userId: eo.id,
        expires: new Date(AT.getTime() + 3600_000),
        lastSeenAt: AT,
        mfaAt: AT,
      },
    });
    await db.prisma.$executeRawUnsafe("ANALYZE");

    // The same database through a client that logs each statement with its parameters.
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: db.url! }),
      log: [{ emit: "event" as const, level: "query" as const }],
    });
    client.$on("query", (e) => captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
    logged = client as unknown as PrismaClient;
    setPrismaForTests(logged);
    explainer = new pg.Client({ connectionString: db.url! });
    await explainer.connect();
    await actAs(logged, { id: sessionId }, AT);
  }, 300_000);

  afterAll(async () => {
    await explainer?.end();
    await logged?.$disconnect();
    await db?.close();
  });

  it("has a board's worth of rows per centre to plan for", async () => {
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Result"`;
    expect(n).toBeGreaterThan(10_000);
  });

  it("session lookup: the session row by its id, written at most once a minute", async () => {
    await expectIndexed("session", () => findLiveSession(sessionId, new Date(AT.getTime() + 61_000)));
  });

  it("results page: a page by candidate and by subject, filtered, and the filters' choices", async () => {
    await expectIndexed("results by candidate", () => resultsByCandidate(series.id));
    await expectIndexed("results by subject", () => resultsBySubject(series.id));
    await expectIndexed("results page 3", () => resultsByCandidate(series.id, { page: 3 }));
    await expectIndexed("results by grade", () => resultsByCandidate(series.id, { grade: "C" }));
    await expectIndexed("results searched", () => resultsByCandidate(series.id, { q: "ja" }));
    await expectIndexed("results filters", () => resultFilterOptions(series.id));
  });

  it("results file: every row of the centre's file", async () => {
    await expectIndexed("results file", async () => {
      const file = await resultsFile(series.code, { batchSize: 100 });
      if (!file.ok) throw new Error(`results file refused: ${file.error}`);
      let rows = 0;
      for await (const _ of file.rows) rows += 1;
      expect(rows).toBeGreaterThan(500);
    });
  });

  it("entries and candidates pages: a page, a later page, searched and filtered, and the picker", async () => {
    await expectIndexed("entries", () => listEntries(series.code));
    await expectIndexed("entries page 4", () => listEntries(series.code, { page: 4 }));
    await expectIndexed("entries searched", () => listEntries(series.code, { q: "ja", status: "ENTERED" }));
    await expectIndexed("candidates", () => listCandidates({ locale: "cy", page: 2 }));
    await expectIndexed("candidate picker", () => listCandidates({ q: "ja", pageSize: 20 }));
  });
});

describe.skipIf(ON_POSTGRES)("the hot queries' plans on PGlite", () => {
  it.skip("are read on PostgreSQL only: PGlite's plans, on its own settings, say nothing about the server's", () => {});
});
