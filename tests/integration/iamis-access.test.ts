// Who may use IAMIS (docs/marks.md, "Who may do what"), on a real database: the iamis
// permission — exams officers always, Admins and Users when granted; never appointees or board
// staff. Another centre's sheet, entry or report is "not found", exactly as an id that does not
// exist, and a refused call changes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listSheets, getSheet } from "@/lib/data/marks/iamis-sheets";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import { getSample, submitSheet } from "@/lib/data/marks/iamis-submit";
import { confirmMarksImport, previewMarksImport } from "@/lib/data/marks/iamis-import";
import { getModeratorReport, listModeratorReports } from "@/lib/data/marks/iamis-reports";
import { buildIamisWorld, mark, saveOf, type IamisWorld, type Who } from "./iamis/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let w: IamisWorld;
let sheetA: string;
let sheetB: string;
let entriesA: string[];
let entryB: string;
let reportA: string;

beforeAll(async () => {
  w = await buildIamisWorld();
  entriesA = await w.enter(w.centreA, 3);
  [entryB] = await w.enter(w.centreB, 1);
  sheetA = await w.sheetOf(w.centreA);
  sheetB = await w.sheetOf(w.centreB);
  // A released report on another sheet of centre A (its own series).
  const other = await w.newSeries();
  await w.enter(w.centreA, 1, other);
  const moderated = await w.sheetOf(w.centreA, other);
  await w.db.prisma.markSheet.update({ where: { id: moderated }, data: { status: "MODERATED" } });
  reportA = (
    await w.db.prisma.moderationReport.create({
      data: {
        sheetId: moderated,
        moderatorId: w.s.appointee.user.id,
        sections: { administration: "On time." },
        releasedAt: new Date("2027-03-01T09:00:00Z"),
      },
    })
  ).id;
}, 120_000);
afterAll(async () => w?.db.close());

const ALLOWED: Who[] = ["eo", "admin", "userIamis"];
const REFUSED: Who[] = ["adminBare", "user", "appointee", "board"];

/** Every IAMIS data function, called on centre A's records. */
const calls = (): Record<string, () => Promise<{ ok: boolean; error?: string }>> => ({
  listSheets: () => listSheets(w.series.code),
  getSheet: () => getSheet(sheetA),
  saveSheetMark: () => saveSheetMark(sheetA, entriesA[0], saveOf(mark(30), 0)),
  getSample: () => getSample(sheetA),
  previewMarksImport: () => previewMarksImport(sheetA, "0001,20\n"),
  listModeratorReports: () => listModeratorReports(),
  getModeratorReport: () => getModeratorReport(reportA),
});

describe("the iamis permission", () => {
  it.each(ALLOWED)("%s may list, open, save, preview, see the sample and read reports", async (who) => {
    await w.db.prisma.mark.deleteMany({});
    for (const [name, call] of Object.entries(calls())) {
      await w.as(who);
      const r = await call();
      expect(r.ok, `${who} ${name}: ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it.each(REFUSED)("%s is refused everything, and nothing is saved", async (who) => {
    await w.db.prisma.mark.deleteMany({});
    for (const [name, call] of Object.entries(calls())) {
      await w.as(who);
      expect(await call(), `${who} ${name}`).toEqual({ ok: false, error: "forbidden" });
    }
    await w.as(REFUSED[0]);
    expect(await submitSheet(sheetA, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await confirmMarksImport(sheetA, "0001,20\n")).toEqual({ ok: false, error: "forbidden" });
    expect(await w.db.prisma.mark.count()).toBe(0);
    expect((await w.db.prisma.markSheet.findUniqueOrThrow({ where: { id: sheetA } })).status).toBe("OPEN");
  });

  it("signed out: every function answers unauthenticated", async () => {
    await w.as(null);
    for (const call of Object.values(calls())) expect(await call()).toEqual({ ok: false, error: "unauthenticated" });
  });
});

describe("another centre's records", () => {
  it("centre B's exams officer finds none of centre A's sheet, report or sample, and saves nothing", async () => {
    await w.db.prisma.mark.deleteMany({});
    await w.as("eoB");
    const notFound = { ok: false, error: "notFound" };
    expect(await getSheet(sheetA)).toEqual(notFound);
    expect(await saveSheetMark(sheetA, entriesA[0], saveOf(mark(30), 0))).toEqual(notFound);
    expect(await submitSheet(sheetA, true)).toEqual(notFound);
    expect(await getSample(sheetA)).toEqual(notFound);
    expect(await previewMarksImport(sheetA, "0001,20\n")).toEqual(notFound);
    expect(await confirmMarksImport(sheetA, "0001,20\n")).toEqual(notFound);
    expect(await getModeratorReport(reportA)).toEqual(notFound);
    // Centre A's entry on centre B's own sheet: not one of its candidates.
    expect(await saveSheetMark(sheetB, entriesA[0], saveOf(mark(30), 0))).toEqual(notFound);
    expect(await w.db.prisma.mark.count()).toBe(0);
    // Its own lists hold only its own.
    const listed = await listSheets(w.series.code);
    expect(listed.ok && listed.sheets.map((s) => s.id)).toEqual([sheetB]);
    const reports = await listModeratorReports();
    expect(reports.ok && reports.reports).toEqual([]);
  });

  it("centre A's exams officer cannot save centre B's entry on centre A's sheet, nor open centre B's sheet", async () => {
    await w.as("eo");
    expect(await saveSheetMark(sheetA, entryB, saveOf(mark(30), 0))).toEqual({ ok: false, error: "notFound" });
    expect(await getSheet(sheetB)).toEqual({ ok: false, error: "notFound" });
  });

  it("ids of no shape at all are not found, never an error", async () => {
    await w.as("eo");
    for (const id of ["", "\u0000", "x".repeat(500), "../../etc", "' OR 1=1 --"]) {
      expect(await getSheet(id)).toEqual({ ok: false, error: "notFound" });
      expect(await saveSheetMark(sheetA, id, saveOf(mark(3), 0))).toEqual({ ok: false, error: "notFound" });
      expect(await getModeratorReport(id)).toEqual({ ok: false, error: "notFound" });
    }
  });

  it("a report the board has not released yet is not found, and not listed", async () => {
    const other = await w.newSeries();
    await w.enter(w.centreA, 1, other);
    const sheet = await w.sheetOf(w.centreA, other);
    const held = await w.db.prisma.moderationReport.create({
      data: { sheetId: sheet, moderatorId: w.s.appointee.user.id, sections: {}, submittedAt: new Date() },
    });
    await w.as("eo");
    expect(await getModeratorReport(held.id)).toEqual({ ok: false, error: "notFound" });
    const listed = await listModeratorReports();
    expect(listed.ok && listed.reports.map((r) => r.id)).toEqual([reportA]);
    // Released in the future: still not yet.
    await w.db.prisma.moderationReport.update({
      where: { id: held.id },
      data: { releasedAt: new Date("2027-12-01T00:00:00Z") },
    });
    expect(await getModeratorReport(held.id)).toEqual({ ok: false, error: "notFound" });
  });
});
