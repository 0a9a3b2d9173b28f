// Results under embargo (docs/product-rules.md ("Results embargo")): every results data
// function at the four release boundaries, in BST (June 2027 series) and GMT (January 2028
// series), for an Exams Officer, an Admin, a User with the results permission and a User without
// it. The download routes at the same instants are in results-downloads.test.ts; the world in
// tests/integration/results/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Candidate, Series } from "@/lib/generated/prisma/client";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories";
import { ACTOR_KEYS, buildResultsWorld, CLOCKS, EXPECTED, ok, type ResultsWorld } from "./results/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { resultsSeries } from "@/lib/data/results/series";
import { resultFilterOptions, resultsByCandidate, resultsBySubject } from "@/lib/data/results/list";
import { statementOfResults } from "@/lib/data/results/statement";
import { gradeBoundaries } from "@/lib/data/results/boundaries";
import { itemLevelComponents, itemLevelData } from "@/lib/data/results/item-level";
import { resultsAnalysis } from "@/lib/data/results/analysis";

let db: TestDb;
let catalogue: Catalogue;
let june: Series;
let january: Series;
let candidatesA: Candidate[];
let as: ResultsWorld["as"];

beforeAll(async () => {
  ({ db, catalogue, june, january, candidatesA, as } = await buildResultsWorld());
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
      });
    }
  });
}
