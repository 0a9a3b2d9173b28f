// Results queries after release (docs/product-rules.md ("Results embargo")): centre scoping,
// filters and ordering, statements of results and the results analysis. The world is in
// tests/integration/results/world.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Candidate, Series } from "@/lib/generated/prisma/client";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories";
import { buildResultsWorld, ok, type ResultsWorld } from "./results/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { resultsByCandidate, resultsBySubject } from "@/lib/data/results/list";
import { statementOfResults } from "@/lib/data/results/statement";
import { itemLevelData } from "@/lib/data/results/item-level";
import { resultsAnalysis } from "@/lib/data/results/analysis";

let db: TestDb;
let catalogue: Catalogue;
let june: Series;
let candidatesA: Candidate[];
let candidatesB: Candidate[];
let as: ResultsWorld["as"];

beforeAll(async () => {
  ({ db, catalogue, june, candidatesA, candidatesB, as } = await buildResultsWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
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

  it("pages are exactly the centre's results in order, with their count, however filtered", async () => {
    const all = await db.prisma.result.findMany({
      where: { entry: { centreId: candidatesA[0].centreId, seriesId: june.id } },
      select: {
        id: true,
        grade: true,
        entry: {
          select: {
            candidate: { select: { candidateNumber: true, firstName: true } },
            specification: { select: { code: true } },
          },
        },
      },
    });
    const key = (r: (typeof all)[number]) => [r.entry.candidate.candidateNumber, r.entry.specification.code];
    const sorted = (rows: typeof all, view: "candidate" | "subject") =>
      [...rows]
        .sort((a, b) => {
          const [x, y] = view === "candidate" ? [key(a), key(b)] : [key(a).reverse(), key(b).reverse()];
          return x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]);
        })
        .map((r) => r.id);
    const grade = all[0].grade;
    const spec = all[0].entry.specification.code;
    const word = all[0].entry.candidate.firstName.slice(1, 4);
    const cases = [
      { filters: {}, keep: () => true },
      { filters: { grade }, keep: (r: (typeof all)[number]) => r.grade === grade },
      { filters: { spec }, keep: (r: (typeof all)[number]) => r.entry.specification.code === spec },
      {
        filters: { q: word.toUpperCase(), grade },
        keep: (r: (typeof all)[number]) =>
          r.grade === grade && r.entry.candidate.firstName.toLowerCase().includes(word.toLowerCase()),
      },
    ];
    for (const { filters, keep } of cases) {
      for (const [view, list] of [
        ["candidate", resultsByCandidate],
        ["subject", resultsBySubject],
      ] as const) {
        const page = ok(await list(june.id, filters));
        const expected = sorted(all.filter(keep), view);
        expect(page.total, `${view} ${JSON.stringify(filters)}`).toBe(expected.length);
        expect(
          page.rows.map((r) => r.resultId),
          `${view} ${JSON.stringify(filters)}`,
        ).toEqual(expected.slice(0, page.pageSize));
      }
    }
    // Past the last page: no rows, the same count.
    const beyond = ok(await resultsByCandidate(june.id, { page: 99 }));
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(all.length);
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
