// Submitted examiner marks in what the board publishes (lib/data/board/results-import-emi.ts,
// docs/results-import-format.md "Examiner marks"): when a results file loads an entry's result,
// a component with a submitted examiner mark takes its mark and marks per question from the
// examiner, so a centre's item level data shows them after release; marks not yet submitted,
// and codes, leave the file's. And a moderator's progress counted from their marks.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { signedInActor } from "../utils/sessions";
import { QUESTIONS } from "../factories/catalogue";
import { createEmiWorld, T0, type EmiWorld } from "./emi-world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { requestResultsLoad, startResultsImport } from "@/lib/data/board/publishing";
import { runResultsImportJob } from "@/lib/data/board/results-import-run";
import { itemLevelData } from "@/lib/data/results/item-level";
import { getAppointee } from "@/lib/data/board/appointees";

let db: TestDb;
let w: EmiWorld;
let filesDir: string;

const LATIN = QUESTIONS["9521/01"].max; // 15, 12, 14, 16, 13, 15, 6, 9
const AFTER_RELEASE = new Date("2027-09-01T09:00:00Z");

/** The file's own marks for 9521/01 (first four questions, then zeros) and 9521/02. */
const FILE_ITEMS = [5, 5, 5, 5, 0, 0, 0, 0];

async function candidateOf(entryId: string) {
  const e = await db.prisma.entry.findUniqueOrThrow({
    where: { id: entryId },
    select: { centre: { select: { number: true } }, candidate: { select: { candidateNumber: true } } },
  });
  return { centre: e.centre.number, number: e.candidate.candidateNumber };
}

/** A results file: a result for each entry, its 9521/01 row unless left out, and its 9521/02 row. */
async function resultsFile(entries: string[], without01: string[] = []) {
  const lines = [
    "record,centre_number,candidate_number,specification_code,grade,uniform_mark,component_code,mark,item_marks",
  ];
  for (const entryId of entries) {
    const c = await candidateOf(entryId);
    lines.push(`result,${c.centre},${c.number},9521,5,,,,`);
    if (!without01.includes(entryId))
      lines.push(`component,${c.centre},${c.number},9521,,,9521/01,20,${FILE_ITEMS.join(";")}`);
    lines.push(`component,${c.centre},${c.number},9521,,,9521/02,30,`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function importAndLoad(text: string) {
  await actAs(db.prisma, w.board, T0);
  const started = await startResultsImport(w.series.code, {
    name: "results.csv",
    bytes: new TextEncoder().encode(text),
  });
  if (!started.ok) throw new Error(`upload refused: ${started.error} ${started.reason ?? ""}`);
  expect(await runResultsImportJob(started.importJobId)).toEqual({ status: "ready" });
  await actAs(db.prisma, w.board, T0);
  expect(await requestResultsLoad(started.importJobId)).toMatchObject({ ok: true });
  expect(await runResultsImportJob(started.importJobId)).toEqual({ status: "done" });
  return started.importJobId;
}

/** An examiner mark as the engine leaves it (the engine's own rules are tested in emi.test.ts). */
async function examinerMark(
  entryId: string,
  value: { total: number | null; code: string | null; items: number[] | null },
  submitted: boolean,
) {
  await db.prisma.mark.create({
    data: {
      entryId,
      componentId: w.component.latin,
      source: "EXAMINER",
      total: value.total,
      code: value.code,
      items: value.items ?? undefined,
      updatedAt: T0,
      updatedById: w.examinerX.user.id,
      submittedAt: submitted ? T0 : null,
    },
  });
}

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "porth-emi-publishing-"));
  process.env.FILES_DIR = filesDir;
  db = await createTestDb();
  w = await createEmiWorld(db.prisma);
  await examinerMark(w.entries.a1, { total: 100, code: null, items: LATIN }, true);
  await examinerMark(w.entries.a2, { total: 50, code: null, items: [10, 10, 10, 10, 10, 0, 0, 0] }, false);
  await examinerMark(w.entries.a3, { total: null, code: "A", items: null }, true);
  await examinerMark(w.entries.b1, { total: 62, code: null, items: [8, 8, 8, 8, 8, 8, 6, 8] }, true);
}, 120_000);

afterAll(async () => {
  await db?.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe("publishing submitted examiner marks", () => {
  it("loads submitted examiner marks as the component results, and leaves the file's for the rest", async () => {
    const job = await importAndLoad(
      await resultsFile([w.entries.a1, w.entries.a2, w.entries.a3, w.entries.b1], [w.entries.b1]),
    );
    const marks = await db.prisma.componentResult.findMany({
      where: { componentId: w.component.latin },
      select: { mark: true, itemMarks: true, result: { select: { entryId: true } } },
    });
    const byEntry = Object.fromEntries(marks.map((m) => [m.result.entryId, [m.mark, m.itemMarks]]));
    expect(byEntry).toEqual({
      [w.entries.a1]: [100, LATIN], // submitted: the examiner's
      [w.entries.a2]: [20, FILE_ITEMS], // entered, not submitted: the file's
      [w.entries.a3]: [20, FILE_ITEMS], // submitted as absent: the file's
      [w.entries.b1]: [62, [8, 8, 8, 8, 8, 8, 6, 8]], // no row in the file: the examiner's
    });
    // The other component is the file's throughout.
    expect(await db.prisma.componentResult.count({ where: { mark: 30 } })).toBe(4);
    const audited = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "results.imported" } });
    expect(audited.details).toMatchObject({ importJobId: job, examinerMarks: 2 });
  });

  it("shows the submitted examiner marks in the centre's item level data after release", async () => {
    const eo = await signedInActor(db.prisma, { role: "EXAMS_OFFICER", centre: w.centreB }, AFTER_RELEASE);
    await actAs(db.prisma, w.eo, AFTER_RELEASE);
    const a = await itemLevelData(w.series.id, "9521/01");
    if (!a.ok) throw new Error(a.error);
    const rows = Object.fromEntries(a.rows.map((r) => [r.lastName, [r.mark, r.itemMarks]]));
    expect(rows).toEqual({
      Ambrose: [100, LATIN],
      Bevan: [20, FILE_ITEMS],
      Cadwaladr: [20, FILE_ITEMS],
    });
    expect(a.questions).toBe(8);
    await actAs(db.prisma, eo, AFTER_RELEASE);
    const b = await itemLevelData(w.series.id, "9521/01");
    expect(b.ok && b.rows.map((r) => [r.lastName, r.mark, r.itemMarks])).toEqual([
      ["Evans", 62, [8, 8, 8, 8, 8, 8, 6, 8]],
    ]);
  });

  it("follows a mark the board changes after submission when the results are loaded again", async () => {
    await db.prisma.mark.update({
      where: {
        entryId_componentId_source: { entryId: w.entries.a1, componentId: w.component.latin, source: "EXAMINER" },
      },
      data: { total: 95, items: [10, ...LATIN.slice(1)], version: { increment: 1 } },
    });
    await importAndLoad(await resultsFile([w.entries.a1, w.entries.a2, w.entries.a3, w.entries.b1], [w.entries.b1]));
    const a1 = await db.prisma.componentResult.findFirstOrThrow({
      where: { componentId: w.component.latin, result: { entryId: w.entries.a1 } },
    });
    expect([a1.mark, a1.itemMarks]).toEqual([95, [10, ...LATIN.slice(1)]]);
  });
});

describe("a moderator's progress", () => {
  it("counts the sample of submitted sheets, the moderator's marks, and those whose report is submitted", async () => {
    const sheet = await db.prisma.markSheet.create({
      data: {
        centreId: w.centreA.id,
        seriesId: w.series.id,
        componentId: w.component.oracy,
        status: "SUBMITTED",
        submittedAt: T0,
        sample: { create: [{ entryId: w.entries.welsh1 }, { entryId: w.entries.welsh2 }] },
      },
    });
    await db.prisma.mark.create({
      data: {
        entryId: w.entries.welsh1,
        componentId: w.component.oracy,
        source: "MODERATOR",
        total: 40,
        updatedAt: T0,
        updatedById: w.moderator.user.id,
      },
    });
    const progress = async () => {
      await actAs(db.prisma, w.board, T0);
      const page = await getAppointee(w.moderator.user.id);
      if (!page.ok) throw new Error(page.error);
      return page.allocations[0].progress;
    };
    expect(await progress()).toEqual({ centres: 1, candidates: 2, scripts: 2, entered: 1, submitted: 0, left: 2 });
    await db.prisma.moderationReport.create({
      data: { sheetId: sheet.id, moderatorId: w.moderator.user.id, sections: {}, submittedAt: T0 },
    });
    await db.prisma.markSheet.update({ where: { id: sheet.id }, data: { status: "MODERATED" } });
    expect(await progress()).toEqual({ centres: 1, candidates: 2, scripts: 2, entered: 1, submitted: 1, left: 1 });
  });
});
