// Results imported by the board stay invisible to every centre path until the series' release
// times, whatever the import time (docs/product-rules.md ("Results embargo")): board staff
// import the June 2027 series weeks before results day; then, at the four instants around the
// releases, an Exams Officer, a User with the results permission and the centre's A2C key ask
// every results path — lists, filters, the statement, the results file, grade boundaries, item
// level data, analysis, the A2C API — and get nothing until their release instant, then exactly
// what was imported. The world is tests/integration/results/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Candidate, Series } from "@/lib/generated/prisma/client";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories";
import { createUser } from "../factories";
import { resultsImportCsv } from "../factories/results-import";
import { actAs } from "../utils/act-as";
import { buildResultsWorld, CLOCKS, EXPECTED, ok, type ResultsWorld } from "./results/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { resultsSeries } from "@/lib/data/results/series";
import { resultFilterOptions, resultsByCandidate, resultsBySubject } from "@/lib/data/results/list";
import { statementOfResults } from "@/lib/data/results/statement";
import { gradeBoundaries } from "@/lib/data/results/boundaries";
import { itemLevelComponents, itemLevelData } from "@/lib/data/results/item-level";
import { resultsAnalysis } from "@/lib/data/results/analysis";
import { resultsFile } from "@/lib/data/results/file";
import { a2cExport } from "@/lib/data/a2c/api";
import { hashKey, newKeyValue, PREFIX_LENGTH } from "@/lib/a2c/key";
import { requestResultsLoad, startResultsImport } from "@/lib/data/board/publishing";
import { runResultsImportJob } from "@/lib/data/board/results-import-run";

let db: TestDb;
let filesDir: string;
let catalogue: Catalogue;
let june: Series;
let candidatesA: Candidate[];
let as: ResultsWorld["as"];
let a2cToken: string;
/** How many of centre A's results the import holds. */
let importedForA: number;

const IMPORTED_AT = new Date("2027-07-01T09:00:00Z"); // seven weeks before the restricted release

async function collect<T>(rows: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "porth-publishing-embargo-"));
  process.env.FILES_DIR = filesDir;
  let world: ResultsWorld;
  ({ db, catalogue, june, candidatesA, as } = world = await buildResultsWorld());
  const prisma = db.prisma;

  // The June series' results become an import file; the series is emptied, then the board
  // imports the file long before results day.
  const csv = await resultsImportCsv(prisma, june.id);
  importedForA = await prisma.result.count({ where: { seriesId: june.id, centreId: world.centreA.id } });
  await prisma.result.deleteMany({ where: { seriesId: june.id } });
  await prisma.gradeBoundary.deleteMany({ where: { seriesId: june.id } });

  const board = await createUser(prisma, { role: "BOARD_STAFF", email: "board-embargo@board.test" });
  const sid = randomBytes(16).toString("hex");
  await prisma.session.create({
    data: {
      id: sid,
      sessionToken: sid,
      userId: board.id,
      expires: new Date("2100-01-01T00:00:00Z"),
      mfaAt: IMPORTED_AT,
    },
  });
  await actAs(prisma, { id: sid }, IMPORTED_AT);
  const started = await startResultsImport(june.code, { name: "june.csv", bytes: new TextEncoder().encode(csv) });
  if (!started.ok) throw new Error(`upload refused: ${started.error}`);
  expect(await runResultsImportJob(started.importJobId)).toEqual({ status: "ready" });
  await actAs(prisma, { id: sid }, IMPORTED_AT);
  expect(await requestResultsLoad(started.importJobId)).toMatchObject({ ok: true });
  expect(await runResultsImportJob(started.importJobId)).toEqual({ status: "done" });

  // Centre A's A2C key, made by its Exams Officer.
  a2cToken = newKeyValue();
  await prisma.a2CKey.create({
    data: {
      centreId: world.centreA.id,
      name: "embargo",
      prefix: a2cToken.slice(0, PREFIX_LENGTH),
      keyHash: hashKey(a2cToken),
      createdById: world.users.eo.id,
    },
  });
}, 180_000);

afterAll(async () => {
  await db?.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe("the import itself", () => {
  it("loaded the series' results and boundaries before any release", async () => {
    expect(await db.prisma.result.count({ where: { seriesId: june.id } })).toBeGreaterThan(0);
    expect(await db.prisma.gradeBoundary.count({ where: { seriesId: june.id } })).toBeGreaterThan(0);
    expect(IMPORTED_AT.getTime()).toBeLessThan(june.restrictedReleaseAt.getTime());
  });
});

for (const actor of ["eo", "userResults"] as const) {
  describe(`${actor === "eo" ? "an Exams Officer" : "a User with the results permission"} after the import`, () => {
    CLOCKS.bst.forEach((clock, i) => {
      const visible = EXPECTED[actor][i];
      it(`at ${clock.label}: every results path ${visible ? "shows the imported results" : "answers as if there were none"}`, async () => {
        const candidate = candidatesA[0];
        const component = catalogue.specs[0].components[0].code;
        await as(actor, clock.at);
        const context = ok(await resultsSeries(june.code));
        const byCandidate = ok(await resultsByCandidate(june.id));
        const bySubject = ok(await resultsBySubject(june.id));
        const options = ok(await resultFilterOptions(june.id));
        const statement = ok(await statementOfResults(june.id, candidate.id));
        const boundaries = ok(await gradeBoundaries(june.id)).specs;
        const components = ok(await itemLevelComponents(june.id)).components;
        const items = ok(await itemLevelData(june.id, component));
        const analysis = ok(await resultsAnalysis(june.id)).specs;
        const file = await resultsFile(june.code);

        expect(context.release?.released).toBe(visible);
        if (visible) {
          expect(byCandidate.total).toBe(importedForA);
          expect(bySubject.total).toBe(importedForA);
          expect(options.grades.length).toBeGreaterThan(0);
          expect(statement.results.length).toBeGreaterThan(0);
          expect(boundaries.length).toBeGreaterThan(0);
          expect(components.length).toBeGreaterThan(0);
          expect(items.rows.length).toBeGreaterThan(0);
          expect(analysis.length).toBeGreaterThan(0);
          expect(file.ok).toBe(true);
          if (file.ok) expect(await collect(file.rows)).toHaveLength(importedForA);
        } else {
          expect(byCandidate).toMatchObject({ rows: [], total: 0 });
          expect(bySubject).toMatchObject({ rows: [], total: 0 });
          expect(options).toEqual({ ok: true, specifications: [], grades: [] });
          expect(statement.results).toEqual([]);
          expect(boundaries).toEqual([]);
          expect(components).toEqual([]);
          expect(items.rows).toEqual([]);
          expect(analysis).toEqual([]);
          // A download before the release is "not found", as for a series with no results.
          expect(file).toEqual({ ok: false, error: "notFound" });
        }
      });
    });
  });
}

describe("the centre's A2C key after the import", () => {
  CLOCKS.bst.forEach((clock, i) => {
    // The key sees results from the restricted release, as the Exams Officer does.
    const visible = EXPECTED.eo[i];
    it(`at ${clock.label}: GET results ${visible ? "lists the imported results" : "lists none"}`, async () => {
      await as(null, clock.at);
      const answer = await a2cExport(a2cToken, "results", june.code);
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      const rows = await collect(answer.rows as AsyncIterable<unknown> | Iterable<unknown>);
      expect(rows).toHaveLength(visible ? importedForA : 0);
    });
  });
});
