// Publishing results (docs/results-import-format.md): board staff upload a series' results file,
// the background check previews it row by row, and the load replaces the series' results in one
// transaction. On a real database: a file with a bad grade, an unknown candidate or component, a
// duplicate row (…) changes nothing; a good file loads exactly what it says; a re-import
// replaces and is audited; a load re-checks the rows; and pg-boss runs the jobs on the database
// the tests use (PGlite unless DATABASE_URL names a PostgreSQL server).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createGradeBoundaries,
  createQualificationCatalogue,
  createSeries,
  createUser,
  type Catalogue,
} from "../factories";
import { resultsImportCsv } from "../factories/results-import";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { publishingOverview, requestResultsLoad, resultsImport, startResultsImport } from "@/lib/data/board/publishing";
import { runResultsImportJob, type ImportReport } from "@/lib/data/board/results-import-run";
import { pgliteJobDb, stopJobs } from "@/lib/db/jobs";
import { startWorker } from "@/lib/data/jobs";

let db: TestDb;
let filesDir: string;
let catalogue: Catalogue;
let centre: Centre;
let series: Series;
let boardSession: string;
let eoSession: string;
/** The series' results as the factories made them, written as an import file. */
let goodCsv: string;
/** Per entry id: grade, and per component code: mark and item marks — what the file says. */
let expected: Map<string, { grade: string; uniformMark: number | null; components: Map<string, [number, number[]]> }>;

const T0 = new Date("2027-07-01T09:00:00Z"); // weeks before the June 2027 release

async function session(userId: string) {
  const id = randomBytes(16).toString("hex");
  await db.prisma.session.create({
    data: { id, sessionToken: id, userId, expires: new Date("2100-01-01T00:00:00Z"), mfaAt: T0 },
  });
  return id;
}

const asBoard = () => actAs(db.prisma, { id: boardSession }, T0);

function csvFile(text: string, name = "results.csv") {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** What the series holds now, to compare before and after. */
async function snapshot() {
  const results = await db.prisma.result.findMany({
    where: { seriesId: series.id },
    include: { components: { include: { component: { select: { code: true } } } } },
    orderBy: { entryId: "asc" },
  });
  const boundaries = await db.prisma.gradeBoundary.findMany({
    where: { seriesId: series.id },
    orderBy: [{ componentId: "asc" }, { grade: "asc" }],
  });
  return {
    results: results.map((r) => ({
      id: r.id,
      entryId: r.entryId,
      grade: r.grade,
      uniformMark: r.uniformMark,
      components: r.components
        .map((c) => ({ id: c.id, code: c.component.code, mark: c.mark, itemMarks: c.itemMarks }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    })),
    boundaries: boundaries.map((b) => `${b.componentId}|${b.grade}|${b.minMark}`),
  };
}

/** Uploads and checks a file as board staff; the job's id and its state after the check. */
async function uploadAndCheck(text: string) {
  await asBoard();
  const started = await startResultsImport(series.code, csvFile(text));
  if (!started.ok) throw new Error(`upload refused: ${started.error} ${started.reason ?? ""}`);
  expect(await runResultsImportJob(started.importJobId)).toMatchObject({ status: expect.any(String) });
  await asBoard();
  const view = await resultsImport(started.importJobId);
  if (!view.ok) throw new Error("job not found");
  return view.job;
}

async function load(importJobId: string, batchRows?: number) {
  await asBoard();
  const requested = await requestResultsLoad(importJobId);
  expect(requested).toEqual({ ok: true, seriesCode: series.code });
  await runResultsImportJob(importJobId, { batchRows });
  await asBoard();
  const view = await resultsImport(importJobId);
  if (!view.ok) throw new Error("job not found");
  return view.job;
}

/** The file with the data row at `line` (1 = the header) replaced by `row`, or a row added at the end. */
function withLine(text: string, line: number | "end", row: string): string {
  const lines = text.split("\r\n");
  if (lines.at(-1) === "") lines.pop();
  if (line === "end") lines.push(row);
  else lines[line - 1] = row;
  return `${lines.join("\r\n")}\r\n`;
}

function lineOf(text: string, predicate: (fields: string[]) => boolean): { line: number; fields: string[] } {
  const lines = text.split("\r\n");
  const i = lines.findIndex((l) => predicate(l.split(",")));
  if (i < 0) throw new Error("no such line");
  return { line: i + 1, fields: lines[i].split(",") };
}

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "porth-publishing-"));
  process.env.FILES_DIR = filesDir;
  db = await createTestDb();
  const prisma = db.prisma;
  catalogue = await createQualificationCatalogue(prisma, { only: ["9521", "9531", "9611"] });
  centre = await createCentre(prisma);
  series = await createSeries(prisma);
  await createGradeBoundaries(prisma, series, catalogue.components);
  const candidates = await createCandidates(prisma, centre, 12);
  await createEntriesAndResults(prisma, centre, series, candidates, catalogue.specs);
  goodCsv = await resultsImportCsv(prisma, series.id);
  const before = await snapshot();
  expected = new Map(
    before.results.map((r) => [
      r.entryId,
      {
        grade: r.grade,
        uniformMark: r.uniformMark,
        components: new Map(r.components.map((c) => [c.code, [c.mark, c.itemMarks] as [number, number[]]])),
      },
    ]),
  );
  // The series starts with nothing loaded: the file holds what the factories made.
  await prisma.result.deleteMany({ where: { seriesId: series.id } });
  await prisma.gradeBoundary.deleteMany({ where: { seriesId: series.id } });

  const board = await createUser(prisma, { role: "BOARD_STAFF", email: "board-publishing@board.test" });
  boardSession = await session(board.id);
  const eo = await createUser(prisma, { role: "EXAMS_OFFICER", centre });
  eoSession = await session(eo.id);
}, 120_000);

afterAll(async () => {
  await stopJobs().catch(() => {});
  await db?.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe("the upload", () => {
  it("is for board staff only", async () => {
    await actAs(db.prisma, { id: eoSession }, T0);
    expect(await startResultsImport(series.code, csvFile(goodCsv))).toEqual({ ok: false, error: "forbidden" });
    expect(await publishingOverview()).toEqual({ ok: false, error: "forbidden" });
    await actAs(db.prisma, null, T0);
    expect(await startResultsImport(series.code, csvFile(goodCsv))).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("refuses a file that is not a results CSV by its content, whatever its name, and stores nothing", async () => {
    await asBoard();
    const jobsBefore = await db.prisma.importJob.count();
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]);
    expect(await startResultsImport(series.code, { name: "results.csv", bytes: zip })).toEqual({
      ok: false,
      error: "invalid",
      reason: "resultsFileNotCsv",
    });
    expect(await startResultsImport(series.code, csvFile("candidate,grade\r\n0001,7\r\n"))).toEqual({
      ok: false,
      error: "invalid",
      reason: "resultsFileBadHeader",
    });
    expect(await startResultsImport(series.code, csvFile(""))).toEqual({
      ok: false,
      error: "invalid",
      reason: "resultsFileRequired",
    });
    expect(await startResultsImport("1999-01", csvFile(goodCsv))).toEqual({ ok: false, error: "notFound" });
    expect(await db.prisma.importJob.count()).toBe(jobsBefore);
  });

  it("stores the file and records a job that is being checked, audited", async () => {
    await asBoard();
    const started = await startResultsImport(series.code, csvFile(goodCsv, "june-2027.csv"));
    expect(started).toMatchObject({ ok: true, seriesCode: series.code });
    if (!started.ok) return;
    const job = await db.prisma.importJob.findUniqueOrThrow({ where: { id: started.importJobId } });
    expect(job).toMatchObject({ status: "validating", fileName: "june-2027.csv", seriesId: series.id });
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "results.import-uploaded" } });
    expect(audit?.details).toMatchObject({ series: series.code, importJobId: job.id, file: "june-2027.csv" });
  });
});

describe("the check", () => {
  it("previews a good file: ready, with its counts, and loads nothing", async () => {
    const job = await uploadAndCheck(goodCsv);
    expect(job.status).toBe("ready");
    expect(job.canLoad).toBe(true);
    const components = [...expected.values()].reduce((n, r) => n + r.components.size, 0);
    expect(job.report?.counts).toEqual({
      results: expected.size,
      components,
      boundaries: expect.any(Number),
      centres: 1,
    });
    expect(job.report?.problems).toEqual([]);
    expect(job.totalRows).toBe(goodCsv.trim().split("\r\n").length - 1);
    expect(await db.prisma.result.count({ where: { seriesId: series.id } })).toBe(0);
  });

  const bad: [string, (csv: string) => { text: string; line: number; field: string; error: string }][] = [
    [
      "a grade the qualification does not have",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "result" && f[3] === "9521");
        fields[4] = "A*"; // GCSE Latin is graded 9–1
        return { text: withLine(csv, line, fields.join(",")), line, field: "grade", error: "badGrade" };
      },
    ],
    [
      "an unknown candidate",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "result");
        fields[2] = "8888";
        return {
          text: withLine(csv, line, fields.join(",")),
          line,
          field: "candidate_number",
          error: "unknownCandidate",
        };
      },
    ],
    [
      "an unknown component",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "component");
        fields[6] = "9521/77";
        return {
          text: withLine(csv, line, fields.join(",")),
          line,
          field: "component_code",
          error: "unknownComponent",
        };
      },
    ],
    [
      "a component of another specification",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "component" && f[3] === "9521");
        fields[6] = "9531/01";
        return {
          text: withLine(csv, line, fields.join(",")),
          line,
          field: "component_code",
          error: "componentNotInSpecification",
        };
      },
    ],
    [
      "a duplicate row",
      (csv) => {
        const { fields } = lineOf(csv, (f) => f[0] === "component");
        const text = withLine(csv, "end", fields.join(","));
        return { text, line: text.trim().split("\r\n").length, field: "component_code", error: "duplicateRow" };
      },
    ],
    [
      "a mark over the component's maximum",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "component");
        fields[7] = "999";
        fields[8] = "";
        return { text: withLine(csv, line, fields.join(",")), line, field: "mark", error: "markOutOfRange" };
      },
    ],
    [
      "item marks that do not add up to the mark",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "component" && f[8].includes(";"));
        const items = fields[8].split(";").map(Number);
        items[0] += 1;
        fields[8] = items.join(";");
        return { text: withLine(csv, line, fields.join(",")), line, field: "item_marks", error: "itemMarksSum" };
      },
    ],
    [
      "a candidate not entered for the specification",
      (csv) => {
        const { line, fields } = lineOf(csv, (f) => f[0] === "result" && f[3] === "9521");
        const entered = new Set(
          csv
            .split("\r\n")
            .map((l) => l.split(","))
            .filter((f) => f[0] === "result" && f[2] === fields[2])
            .map((f) => f[3]),
        );
        const other = ["9521", "9531", "9611"].find((c) => !entered.has(c));
        if (!other) throw new Error("every candidate is entered for everything");
        fields[3] = other;
        fields[4] = "U";
        return { text: withLine(csv, line, fields.join(",")), line, field: "specification_code", error: "notEntered" };
      },
    ],
  ];

  for (const [what, make] of bad) {
    it(`lists ${what} with its line, counts it, and changes nothing`, async () => {
      const before = await snapshot();
      const { text, line, field, error } = make(goodCsv);
      const job = await uploadAndCheck(text);
      expect(job.status).toBe("invalid");
      expect(job.canLoad).toBe(false);
      expect(job.report?.problems).toContainEqual({ line, field, error });
      expect(job.report?.errorCounts[error as keyof ImportReport["errorCounts"]]).toBeGreaterThanOrEqual(1);
      expect(job.report?.rowsWithErrors).toBeGreaterThanOrEqual(1);
      // Not loadable, and nothing changed.
      await asBoard();
      expect(await requestResultsLoad(job.id)).toEqual({
        ok: false,
        error: "conflict",
        reason: "resultsImportNotReady",
      });
      expect(await runResultsImportJob(job.id)).toEqual({ status: "invalid" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("shows the first 100 errors and counts them all", async () => {
    const lines = goodCsv.trim().split("\r\n");
    const broken = [lines[0], ...lines.slice(1).map((l) => l.replace(/^(result|component),/, "resulte,"))].join("\r\n");
    const job = await uploadAndCheck(broken);
    expect(job.status).toBe("invalid");
    expect(job.report?.problems).toHaveLength(Math.min(100, lines.length - 1 - (job.report?.counts.boundaries ?? 0)));
    expect(job.report?.problems[0]).toEqual({ line: 2, field: "record", error: "unknownRecord" });
    expect(job.report?.errorCounts.unknownRecord).toBe(
      lines.filter((l) => l.startsWith("result,") || l.startsWith("component,")).length,
    );
  });

  it("says where a file breaks off (malformed quoting)", async () => {
    const job = await uploadAndCheck(`${goodCsv}result,"68101,0001\r\n`);
    expect(job.status).toBe("invalid");
    expect(job.report?.fileError).toBe("malformed");
  });
});

describe("the load", () => {
  it("loads a good file: every result, component mark, item mark and boundary it holds", async () => {
    const job = await uploadAndCheck(goodCsv);
    // Staged 7 rows at a time, so several batches go in while the next are read.
    const done = await load(job.id, 7);
    expect(done.status).toBe("done");
    expect(done.processedRows).toBe(done.totalRows);
    const after = await snapshot();
    expect(after.results).toHaveLength(expected.size);
    for (const r of after.results) {
      const want = expected.get(r.entryId)!;
      expect(r.grade).toBe(want.grade);
      expect(r.uniformMark).toBe(want.uniformMark);
      expect(new Map(r.components.map((c) => [c.code, [c.mark, c.itemMarks]]))).toEqual(want.components);
    }
    expect(after.boundaries.length).toBe(done.report?.counts.boundaries);
    const audit = await db.prisma.auditEvent.findFirst({
      where: { action: "results.imported" },
      orderBy: { at: "desc" },
    });
    expect(audit?.details).toMatchObject({
      series: series.code,
      importJobId: job.id,
      results: expected.size,
      replacedResults: 0,
      removedResults: 0,
    });
    await asBoard();
    const overview = await publishingOverview(series.code);
    expect(overview).toMatchObject({ ok: true, results: expected.size, boundaries: after.boundaries.length });
  });

  it("re-importing replaces: changed grades and marks, dropped results gone, kept component results keep their scripts", async () => {
    const before = await snapshot();
    const kept = before.results[1];
    const script = await db.prisma.script.create({
      data: {
        centreId: centre.id,
        candidateId: (await db.prisma.entry.findUniqueOrThrow({ where: { id: kept.entryId } })).candidateId,
        entryId: kept.entryId,
        componentResultId: kept.components[0].id,
        componentId: (await db.prisma.componentResult.findUniqueOrThrow({ where: { id: kept.components[0].id } }))
          .componentId,
        fileKey: "scripts/kept.pdf",
      },
    });
    // Drop the first result (and its component rows); change another result's grade to U and
    // its first component's mark to 0 (with no marks per question).
    const lines = goodCsv.trim().split("\r\n");
    const first = lines[1].split(",");
    const dropKey = first.slice(1, 4).join(",");
    const keptRow = lineOf(goodCsv, (f) => f[0] === "result" && f.slice(1, 4).join(",") !== dropKey).fields;
    const keptKey = keptRow.slice(1, 4).join(",");
    const changedComponent = lineOf(goodCsv, (f) => f[0] === "component" && f.slice(1, 4).join(",") === keptKey).fields;
    const text = `${lines
      .filter((l) => !(l.split(",").slice(1, 4).join(",") === dropKey))
      .map((l) => (l === keptRow.join(",") ? [...keptRow.slice(0, 4), "U", ...keptRow.slice(5)].join(",") : l))
      .map((l) => (l === changedComponent.join(",") ? [...changedComponent.slice(0, 7), "0", ""].join(",") : l))
      .join("\r\n")}\r\n`;
    const job = await uploadAndCheck(text);
    expect(job.status).toBe("ready");
    expect(job.report?.existingResults).toBe(expected.size);
    const done = await load(job.id);
    expect(done.status).toBe("done");

    const after = await snapshot();
    expect(after.results).toHaveLength(expected.size - 1);
    expect(after.results.find((r) => r.entryId === before.results[0].entryId)).toBeUndefined();
    const keptAfter = after.results.find((r) => r.entryId === kept.entryId)!;
    expect(keptAfter.id).toBe(kept.id);
    expect(keptAfter.components.map((c) => c.id)).toEqual(kept.components.map((c) => c.id));
    expect(await db.prisma.script.findUnique({ where: { id: script.id } })).not.toBeNull();
    const changedEntry = (
      await db.prisma.entry.findFirstOrThrow({
        where: {
          candidate: { candidateNumber: keptRow[2], centreId: centre.id },
          specification: { code: keptRow[3] },
          seriesId: series.id,
        },
      })
    ).id;
    const changed = after.results.find((r) => r.entryId === changedEntry)!;
    expect(changed.grade).toBe("U");
    expect(changed.components.find((c) => c.code === changedComponent[6])).toMatchObject({ mark: 0, itemMarks: [] });
    // The rest is as it was.
    for (const r of after.results.filter((x) => x.entryId !== changedEntry))
      expect(r.grade).toBe(expected.get(r.entryId)!.grade);

    const audits = await db.prisma.auditEvent.findMany({
      where: { action: "results.imported" },
      orderBy: { at: "asc" },
    });
    expect(audits.at(-1)?.details).toMatchObject({
      importJobId: job.id,
      results: expected.size - 1,
      replacedResults: expected.size,
      removedResults: 1,
    });
  });

  it("checks the rows again when loading: an entry withdrawn since the check fails the load and changes nothing", async () => {
    const job = await uploadAndCheck(goodCsv);
    expect(job.status).toBe("ready");
    const before = await snapshot();
    const { line, fields } = lineOf(goodCsv, (f) => f[0] === "result");
    const entry = await db.prisma.entry.findFirstOrThrow({
      where: {
        candidate: { candidateNumber: fields[2], centreId: centre.id },
        specification: { code: fields[3] },
        seriesId: series.id,
      },
    });
    await db.prisma.entry.update({ where: { id: entry.id }, data: { status: "WITHDRAWN" } });
    try {
      const failed = await load(job.id);
      expect(failed.status).toBe("failed");
      expect(failed.report?.failure).toBe("rowsChanged");
      // The result row and each of its component rows.
      const rows = goodCsv
        .split("\r\n")
        .filter((l) => l.split(",").slice(1, 4).join(",") === fields.slice(1, 4).join(","));
      expect(failed.report?.errorCounts.notEntered).toBe(rows.length);
      expect(failed.report?.problems[0]).toEqual({ line, field: "specification_code", error: "notEntered" });
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.prisma.entry.update({ where: { id: entry.id }, data: { status: "ENTERED" } });
    }
  });

  it("loads a ready import once: a second request finds it already loading or done", async () => {
    const job = await uploadAndCheck(goodCsv);
    await asBoard();
    expect(await requestResultsLoad(job.id)).toMatchObject({ ok: true });
    expect(await requestResultsLoad(job.id)).toEqual({ ok: false, error: "conflict", reason: "resultsImportNotReady" });
    expect(await startResultsImport(series.code, csvFile(goodCsv))).toEqual({
      ok: false,
      error: "conflict",
      reason: "resultsImportRunning",
    });
    expect(await runResultsImportJob(job.id)).toEqual({ status: "done" });
    expect(await runResultsImportJob(job.id)).toEqual({ status: "done" });
  });
});

describe("the background worker (pg-boss)", () => {
  it("runs the check and the load as pg-boss jobs on this database", async () => {
    const boss = await startWorker({
      connection: db.pglite ? { db: pgliteJobDb(db.pglite) } : { connectionString: db.url! },
      pollingIntervalSeconds: 0.5,
    });
    await asBoard();
    const started = await startResultsImport(series.code, csvFile(goodCsv));
    if (!started.ok) throw new Error("upload refused");
    const waitFor = async (status: string) => {
      for (let i = 0; i < 120; i++) {
        const job = await db.prisma.importJob.findUniqueOrThrow({ where: { id: started.importJobId } });
        if (job.status === status) return job;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`the job never reached ${status}`);
    };
    await waitFor("ready");
    await asBoard();
    expect(await requestResultsLoad(started.importJobId)).toMatchObject({ ok: true });
    const done = await waitFor("done");
    expect(done.processedRows).toBe(done.totalRows);

    // pg-boss itself recorded both jobs as completed.
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT state, data->>'importJobId' AS id FROM pgboss.job WHERE name = 'results-import' AND data->>'importJobId' = $1`,
        [started.importJobId],
      );
    expect(rows.map((r: { state: string }) => r.state)).toEqual(["completed", "completed"]);
    await stopJobs();
    // A restarted server starts the queue again on the same database.
    await startWorker({ connection: db.pglite ? { db: pgliteJobDb(db.pglite) } : { connectionString: db.url! } });
    await stopJobs();
  }, 60_000);
});
