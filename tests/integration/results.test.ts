// Results under embargo (docs/product-rules.md ("Results embargo")): every results data function
// and the download route handlers, at the four release boundaries, in BST (June 2027 series) and
// GMT (January 2028 series), for an Exams Officer, an Admin, a User with the results permission
// and a User without it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Candidate, Centre, Series } from "@/lib/generated/prisma/client";
import { createTestDb, type TestDb } from "../utils/test-db";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createGradeBoundaries,
  createQualificationCatalogue,
  createSeries,
  createUser,
  type Catalogue,
  type CreatedUser,
} from "../factories";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { actAs } from "../utils/act-as";
import type { Result } from "@/lib/auth/authorize";
import { resultsSeries } from "@/lib/data/results/series";
import { resultFilterOptions, resultsByCandidate, resultsBySubject } from "@/lib/data/results/list";
import { statementOfResults } from "@/lib/data/results/statement";
import { gradeBoundaries } from "@/lib/data/results/boundaries";
import { itemLevelComponents, itemLevelData } from "@/lib/data/results/item-level";
import { resultsAnalysis } from "@/lib/data/results/analysis";
import { resultsFile } from "@/lib/data/results/file";
import { RESULTS_FILE_COLUMNS, resultsFileHeader } from "@/lib/results/files";
import { GET as fileGET } from "@/app/api/results/file/route";
import { GET as itemGET } from "@/app/api/results/item-level-data/route";

type ActorKey = "eo" | "admin" | "userResults" | "userPlain";
const ACTOR_KEYS: ActorKey[] = ["eo", "admin", "userResults", "userPlain"];

// The four instants around each release, as UTC instants written out by hand (not computed
// by the code under test): London is UTC+1 in August (BST) and UTC+0 in January (GMT).
const CLOCKS = {
  bst: [
    { label: "23:59:59 BST the evening before the restricted-release day", at: "2027-08-17T22:59:59Z" },
    { label: "00:00:00 BST on the restricted-release day", at: "2027-08-17T23:00:00Z" },
    { label: "07:59:59 BST on results day", at: "2027-08-19T06:59:59Z" },
    { label: "08:00:00 BST on results day", at: "2027-08-19T07:00:00Z" },
  ],
  gmt: [
    { label: "23:59:59 GMT the evening before the restricted-release day", at: "2028-01-11T23:59:59Z" },
    { label: "00:00:00 GMT on the restricted-release day", at: "2028-01-12T00:00:00Z" },
    { label: "07:59:59 GMT on results day", at: "2028-01-13T07:59:59Z" },
    { label: "08:00:00 GMT on results day", at: "2028-01-13T08:00:00Z" },
  ],
} as const;

/** Who sees results at each of the four instants. */
const EXPECTED: Record<ActorKey, [boolean, boolean, boolean, boolean]> = {
  eo: [false, true, true, true],
  admin: [false, true, true, true],
  userResults: [false, false, false, true],
  userPlain: [false, false, false, false],
};

let db: TestDb;
let centreA: Centre;
let centreB: Centre;
let catalogue: Catalogue;
let june: Series;
let january: Series;
let candidatesA: Candidate[];
let candidatesB: Candidate[];
const users = {} as Record<ActorKey | "eoB", CreatedUser>;
const sessions = {} as Record<ActorKey | "eoB", string>;

/** The next data-layer calls are made by `actor` (null: signed out) at `at`. */
async function as(actor: ActorKey | "eoB" | null, at: Date | string): Promise<void> {
  await actAs(db.prisma, actor ? { id: sessions[actor] } : null, new Date(at));
}

/** The value of an answer that must not be a refusal. */
function ok<T extends object>(result: Result<T>): T {
  expect(result).toMatchObject({ ok: true });
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}

async function openSession(user: CreatedUser): Promise<string> {
  const id = randomBytes(16).toString("hex");
  await db.prisma.session.create({
    data: {
      id,
      sessionToken: id,
      userId: user.id,
      expires: new Date("2100-01-01T00:00:00Z"),
      mfaAt: new Date("2020-01-01T00:00:00Z"),
    },
  });
  return id;
}

/** Calls a route handler as `actor` with the server clock pinned at `at`. */
async function callRoute(
  handler: (r: Request) => Promise<Response>,
  url: string,
  actor: ActorKey | "eoB" | null,
  at: string,
): Promise<Response> {
  await as(actor, at);
  return handler(new Request(url));
}

beforeAll(async () => {
  db = await createTestDb();
  const prisma = db.prisma;
  catalogue = await createQualificationCatalogue(prisma, { only: ["9521", "9531", "9541", "9611", "9621"] });
  centreA = await createCentre(prisma);
  centreB = await createCentre(prisma);
  june = await createSeries(prisma);
  january = await createSeries(prisma, {
    code: "2028-01",
    nameEn: "January 2028",
    nameCy: "Ionawr 2028",
    resultsDay: new Date(Date.UTC(2028, 0, 13)),
  });
  for (const series of [june, january]) await createGradeBoundaries(prisma, series, catalogue.components);
  candidatesA = await createCandidates(prisma, centreA, 24);
  candidatesB = await createCandidates(prisma, centreB, 10);
  for (const series of [june, january]) {
    await createEntriesAndResults(prisma, centreA, series, candidatesA, catalogue.specs);
    await createEntriesAndResults(prisma, centreB, series, candidatesB, catalogue.specs);
  }
  users.eo = await createUser(prisma, { role: "EXAMS_OFFICER", centre: centreA });
  users.admin = await createUser(prisma, { role: "ADMIN", centre: centreA });
  users.userResults = await createUser(prisma, { role: "USER", centre: centreA, grants: ["results"] });
  users.userPlain = await createUser(prisma, { role: "USER", centre: centreA, grants: ["entries"] });
  users.eoB = await createUser(prisma, { role: "EXAMS_OFFICER", centre: centreB });
  for (const key of [...ACTOR_KEYS, "eoB"] as const) sessions[key] = await openSession(users[key]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("the series used are in BST and in GMT", () => {
  it("stores the June 2027 release times in BST and the January 2028 ones in GMT", () => {
    expect(june.restrictedReleaseAt.toISOString()).toBe("2027-08-17T23:00:00.000Z");
    expect(june.releaseAt.toISOString()).toBe("2027-08-19T07:00:00.000Z");
    expect(january.restrictedReleaseAt.toISOString()).toBe("2028-01-12T00:00:00.000Z");
    expect(january.releaseAt.toISOString()).toBe("2028-01-13T08:00:00.000Z");
  });
});

for (const [zone, clocks] of Object.entries(CLOCKS) as [keyof typeof CLOCKS, (typeof CLOCKS)["bst"]][]) {
  describe(`the embargo in ${zone.toUpperCase()}`, () => {
    const seriesOf = () => (zone === "bst" ? june : january);

    for (const actor of ACTOR_KEYS) {
      clocks.forEach((clock, i) => {
        const visible = EXPECTED[actor][i];
        it(`${actor} at ${clock.label}: every results data function ${visible ? "returns results" : actor === "userPlain" ? "refuses (no results permission)" : "answers as if there were no results"}`, async () => {
          const series = seriesOf();
          const candidate = candidatesA[0];
          const component = catalogue.specs[0].components[0].code;
          await as(actor, clock.at);

          const answers = {
            context: await resultsSeries(series.code),
            byCandidate: await resultsByCandidate(series.id),
            bySubject: await resultsBySubject(series.id),
            options: await resultFilterOptions(series.id),
            statement: await statementOfResults(series.id, candidate.id),
            boundaries: await gradeBoundaries(series.id),
            components: await itemLevelComponents(series.id),
            items: await itemLevelData(series.id, component),
            analysis: await resultsAnalysis(series.id),
          };

          if (actor === "userPlain") {
            // Without the results permission there is nothing to see, at any time.
            for (const answer of Object.values(answers)) expect(answer).toEqual({ ok: false, error: "forbidden" });
            return;
          }

          const context = ok(answers.context);
          expect(context.series?.id).toBe(series.id);
          expect(context.release?.released).toBe(visible);
          const releaseAt = (actor === "userResults" ? series.releaseAt : series.restrictedReleaseAt).toISOString();
          expect(context.release?.releaseAt?.toISOString()).toBe(releaseAt);

          const byCandidate = ok(answers.byCandidate);
          const bySubject = ok(answers.bySubject);
          const options = ok(answers.options);
          const statement = ok(answers.statement);
          const boundaries = ok(answers.boundaries).specs;
          const components = ok(answers.components).components;
          const items = ok(answers.items);
          const analysis = ok(answers.analysis).specs;

          // The candidate is the centre's own: found either way, never an error.
          expect(statement.candidate.id).toBe(candidate.id);
          expect(statement.release).toEqual({ released: visible, releaseAt: new Date(releaseAt) });
          expect(items.component.code).toBe(component);
          if (visible) {
            expect(byCandidate.total).toBeGreaterThan(0);
            expect(byCandidate.rows.length).toBeGreaterThan(0);
            expect(bySubject.total).toBe(byCandidate.total);
            expect(options.specifications.length).toBeGreaterThan(0);
            expect(options.grades.length).toBeGreaterThan(0);
            expect(statement.results.length).toBeGreaterThan(0);
            expect(boundaries.length).toBeGreaterThan(0);
            expect(components.length).toBeGreaterThan(0);
            expect(items.rows.length).toBeGreaterThan(0);
            expect(analysis.length).toBeGreaterThan(0);
          } else {
            expect(byCandidate).toEqual({ ok: true, rows: [], total: 0, page: 1, pageSize: byCandidate.pageSize });
            expect(bySubject).toEqual({ ok: true, rows: [], total: 0, page: 1, pageSize: bySubject.pageSize });
            expect(options).toEqual({ ok: true, specifications: [], grades: [] });
            expect(statement.results).toEqual([]);
            expect(boundaries).toEqual([]);
            expect(components).toEqual([]);
            expect(items.rows).toEqual([]);
            expect(items.questions).toBe(0);
            expect(analysis).toEqual([]);
          }
        });

        it(`${actor} at ${clock.label}: GET /api/results/file ${visible ? "streams the CSV" : "is refused"}`, async () => {
          const series = seriesOf();
          const res = await callRoute(
            fileGET,
            `http://localhost/api/results/file?series=${series.code}`,
            actor,
            clock.at,
          );
          if (visible) {
            expect(res.status).toBe(200);
            const filename = `results-${centreA.number}-${series.code}.csv`;
            expect(res.headers.get("content-disposition")).toBe(
              `attachment; filename="${filename}"; filename*=UTF-8''${filename}`,
            );
            expect(res.headers.get("cache-control")).toBe("private, no-store");
            const text = await res.text();
            const lines = text.split("\r\n").filter(Boolean);
            expect(lines[0]).toBe(resultsFileHeader().trimEnd());
            const count = await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: series.id } });
            expect(lines.length - 1).toBe(count);
            const audited = await db.prisma.auditEvent.findFirst({
              where: {
                action: "results.file-downloaded",
                actorId: users[actor].id,
                outcome: "success",
                at: new Date(clock.at),
              },
            });
            expect(audited?.details).toEqual({ series: series.code });
          } else if (actor === "userPlain") {
            expect(res.status).toBe(403);
          } else {
            // Before release: exactly the answer for a series that does not exist.
            const missing = await callRoute(
              fileGET,
              "http://localhost/api/results/file?series=1999-06",
              actor,
              clock.at,
            );
            expect(res.status).toBe(404);
            expect(missing.status).toBe(404);
            expect(await res.text()).toBe(await missing.text());
          }
        });

        it(`${actor} at ${clock.label}: GET /api/results/item-level-data ${visible ? "streams the CSV" : "is refused"}`, async () => {
          const series = seriesOf();
          const code = catalogue.specs[0].components[0].code;
          const res = await callRoute(
            itemGET,
            `http://localhost/api/results/item-level-data?series=${series.code}&component=${encodeURIComponent(code)}`,
            actor,
            clock.at,
          );
          if (visible) {
            expect(res.status).toBe(200);
            expect(res.headers.get("cache-control")).toBe("private, no-store");
            expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="item-level-data-/);
            const lines = (await res.text()).split("\r\n").filter(Boolean);
            expect(lines[0]).toMatch(/^Component,Candidate number,UCI,Surname,Forenames,Mark,Q1,/);
            expect(lines.length).toBeGreaterThan(1);
            expect(lines.slice(1).every((l) => l.startsWith(`${code},`))).toBe(true);
          } else {
            expect(res.status).toBe(actor === "userPlain" ? 403 : 404);
          }
        });
      });
    }
  });
}

describe("the download routes", () => {
  const after = "2027-09-01T09:00:00Z";

  it("answer 401 to a signed-out caller", async () => {
    expect(
      (await callRoute(fileGET, `http://localhost/api/results/file?series=${june.code}`, null, after)).status,
    ).toBe(401);
    expect(
      (
        await callRoute(
          itemGET,
          `http://localhost/api/results/item-level-data?series=${june.code}&component=9521/01`,
          null,
          after,
        )
      ).status,
    ).toBe(401);
  });

  it("records an attempt before release as denied, and answers 404", async () => {
    const at = "2027-08-10T12:00:00Z";
    const res = await callRoute(fileGET, `http://localhost/api/results/file?series=${june.code}`, "eo", at);
    expect(res.status).toBe(404);
    const event = await db.prisma.auditEvent.findFirst({
      where: { action: "results.file-downloaded", actorId: users.eo.id, at: new Date(at) },
    });
    expect(event?.outcome).toBe("denied");
  });

  it("give another centre's EO their own centre's file, never centre A's rows", async () => {
    const res = await callRoute(fileGET, `http://localhost/api/results/file?series=${june.code}`, "eoB", after);
    expect(res.status).toBe(200);
    const lines = (await res.text()).split("\r\n").filter(Boolean).slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith(`${centreB.number},`))).toBe(true);
    const numbersB = new Set(candidatesB.map((c) => c.uci));
    expect(lines.every((l) => numbersB.has(l.split(",")[3]))).toBe(true);
  });

  it("answer 404 for an unknown component", async () => {
    expect(
      (
        await callRoute(
          itemGET,
          `http://localhost/api/results/item-level-data?series=${june.code}&component=0000/99`,
          "eo",
          after,
        )
      ).status,
    ).toBe(404);
  });
});

describe("centre scoping", () => {
  const now = new Date("2027-09-01T09:00:00Z");

  it("does not find another centre's candidate", async () => {
    await as("eo", now);
    expect(await statementOfResults(june.id, candidatesB[0].id)).toEqual({ ok: false, error: "notFound" });
    await as("eoB", now);
    expect(await statementOfResults(june.id, candidatesA[0].id)).toEqual({ ok: false, error: "notFound" });
  });

  it("lists only the caller's centre's results", async () => {
    await as("eoB", now);
    const page = ok(await resultsByCandidate(june.id));
    const idsB = new Set(candidatesB.map((c) => c.id));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => idsB.has(r.candidateId))).toBe(true);
    const items = ok(await itemLevelData(june.id, catalogue.specs[0].components[0].code));
    expect(items.rows.every((r) => idsB.has(r.candidateId))).toBe(true);
  });
});

describe("results queries", () => {
  const now = new Date("2027-09-01T09:00:00Z");
  beforeEach(async () => {
    await as("eo", now);
  });

  it("filters by candidate name, number, specification and grade", async () => {
    const target = candidatesA[3];
    const byName = ok(await resultsByCandidate(june.id, { q: target.lastName.toUpperCase() }));
    expect(byName.rows.some((r) => r.candidateId === target.id)).toBe(true);
    expect(
      byName.rows.every(
        (r) =>
          r.lastName.toLowerCase().includes(target.lastName.toLowerCase()) ||
          r.firstName.toLowerCase().includes(target.lastName.toLowerCase()),
      ),
    ).toBe(true);

    const byNumber = ok(await resultsByCandidate(june.id, { q: target.candidateNumber }));
    expect(new Set(byNumber.rows.map((r) => r.candidateId))).toEqual(new Set([target.id]));

    const spec = byNumber.rows[0].specificationCode;
    const bySpec = ok(await resultsBySubject(june.id, { spec }));
    expect(bySpec.total).toBeGreaterThan(0);
    expect(bySpec.rows.every((r) => r.specificationCode === spec)).toBe(true);

    const grade = byNumber.rows[0].grade;
    const byGrade = ok(await resultsByCandidate(june.id, { grade }));
    expect(byGrade.rows.every((r) => r.grade === grade)).toBe(true);
    expect(byGrade.rows.some((r) => r.candidateId === target.id)).toBe(true);
  });

  it("orders by candidate number (by candidate) and by specification (by subject)", async () => {
    const a = ok(await resultsByCandidate(june.id));
    const numbers = a.rows.map((r) => r.candidateNumber);
    expect(numbers).toEqual([...numbers].sort());
    const b = ok(await resultsBySubject(june.id));
    const specs = b.rows.map((r) => r.specificationCode);
    expect(specs).toEqual([...specs].sort());
  });

  it("gives a statement with every result and its component marks", async () => {
    const candidate = candidatesA[1];
    const statement = ok(await statementOfResults(june.id, candidate.id));
    const count = await db.prisma.result.count({ where: { seriesId: june.id, entry: { candidateId: candidate.id } } });
    expect(statement.results).toHaveLength(count);
    for (const r of statement.results) {
      expect(r.components.length).toBeGreaterThan(0);
      for (const c of r.components) expect(c.mark).toBeLessThanOrEqual(c.maxMark);
    }
  });

  it("shows the board-wide cumulative percentages beside the centre's distribution", async () => {
    const { specs: analysis } = ok(await resultsAnalysis(june.id));
    for (const spec of analysis) {
      expect(spec.grades.reduce((n, g) => n + g.count, 0)).toBe(spec.centreTotal);
      expect(spec.grades.at(-1)!.cumulativePercent).toBe(100);
      expect(spec.grades.at(-1)!.boardCumulativePercent).toBe(100);
      const cum = spec.grades.map((g) => g.boardCumulativePercent);
      expect(cum).toEqual([...cum].sort((x, y) => x - y));
    }
    // Centre B's results count towards the board figures.
    const total = analysis.reduce((n, s) => n + s.boardTotal, 0);
    const all = await db.prisma.result.count({
      where: { seriesId: june.id, entry: { specification: { code: { in: analysis.map((s) => s.code) } } } },
    });
    expect(total).toBe(all);
    expect(total).toBeGreaterThan(analysis.reduce((n, s) => n + s.centreTotal, 0));
  });
});

describe("the results file rows", () => {
  it("come in candidate-number order with the documented columns, the same for any batch size", async () => {
    const all: Awaited<ReturnType<typeof collect>> = await collect(1000);
    const small = await collect(3);
    expect(small).toEqual(all);
    const count = await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: june.id } });
    expect(all).toHaveLength(count);
    const numbers = all.map((r) => r.candidateNumber);
    expect(numbers).toEqual([...numbers].sort());
    for (const row of all) {
      expect(Object.keys(row).sort()).toEqual(RESULTS_FILE_COLUMNS.map((c) => c.key).sort());
      expect(row.centreNumber).toBe(centreA.number);
      expect(row.seriesCode).toBe(june.code);
      expect(row.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.componentMarks).toMatch(/^\d{4}\/\d{2}:\d+(;\d{4}\/\d{2}:\d+)*$/);
    }
  });

  async function collect(batchSize: number) {
    await as("eo", "2027-09-01T09:00:00Z");
    const file = ok(await resultsFile(june.code, { batchSize }));
    const rows = [];
    for await (const row of file.rows) rows.push(row);
    return rows;
  }
});
