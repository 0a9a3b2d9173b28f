// Moderator mark input on a real database (lib/data/marks/moderation*.ts): who reaches which
// allocation and sheet (allocated centres only, submitted sheets only, a team leader working as
// a moderator they lead), moderated marks through the mark engine, the adjustment at the
// tolerance's edge, and a submitted report closing the sheet. The board's side is in
// moderation-board.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "./../utils/test-db";
import { actAs } from "../utils/act-as";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { moderationCentres, moderationOverview, moderationSheet } from "@/lib/data/marks/moderation";
import { saveModeratedMark, saveReportDraft, submitReport } from "@/lib/data/marks/moderation-save";
import { buildWorld, gridSave, MAX, REPORT, T0, type World } from "./moderation/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let w: World;

beforeAll(async () => {
  db = await createTestDb();
  w = await buildWorld(db.prisma);
});
afterAll(async () => db?.close());

let minutes = 0;
const as = (session: LiveSession | null) => actAs(db.prisma, session, new Date(T0.getTime() + ++minutes * 60_000));

/** Twenty candidates marked 20…39: a sample of 15 with the highest and the lowest. */
const twenty = () => Array.from({ length: 20 }, (_, i) => 20 + i);

/** The moderator marks every sampled candidate: the centre's mark plus `delta(i)`. */
async function moderateAll(
  allocationId: string,
  sheetId: string,
  sample: { entryId: string; centre: number }[],
  delta: (i: number, centre: number) => number,
) {
  for (const [i, s] of sample.entries()) {
    const saved = await saveModeratedMark(allocationId, sheetId, s.entryId, gridSave(s.centre + delta(i, s.centre)));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
  }
}

describe("what a moderator reaches", () => {
  it("lists their allocated component with its totals, and a review action for what is left", async () => {
    const a = await w.centreWithSheet("mod", [...twenty(), "A", null]);
    await w.centreWithSheet("mod", [30, 31, 32], "OPEN");
    await as(w.mod);
    const overview = await moderationOverview();
    expect(overview.ok).toBe(true);
    if (!overview.ok) return;
    expect(overview.series?.code).toBe("2027-06");
    const row = overview.rows.find((r) => r.allocationId === w.allocations.mod.id)!;
    expect(row.label.en).toBe("GCSE June 2027 Welsh Language Oracy (9541/01)");
    expect(row.label.cy).toBe("TGAU Mehefin 2027 Cymraeg Iaith Llafaredd (9541/01)");
    // Two centres allocated; the open sheet's marks and candidates are not counted.
    expect(row.totals.centres).toBeGreaterThanOrEqual(2);
    expect(row.totals.sampleCandidates).toBeGreaterThanOrEqual(15);
    expect(row.totals.entered).toBeGreaterThanOrEqual(21);
    expect(row.totals.cfAbs).toBeGreaterThanOrEqual(1);
    const before = row.totals.remaining;
    expect(before).toBeGreaterThanOrEqual(15);
    // One moderated mark different from the centre's: one fewer remaining, one with a new mark.
    const saved = await saveModeratedMark(
      w.allocations.mod.id,
      a.sheet.id,
      a.sample[0].entryId,
      gridSave(a.sample[0].centre + 1),
    );
    expect(saved.ok).toBe(true);
    const again = await moderationOverview();
    if (!again.ok) return;
    const after = again.rows.find((r) => r.allocationId === w.allocations.mod.id)!.totals;
    expect(after.remaining).toBe(before - 1);
    expect(after.newMarks).toBe(row.totals.newMarks + 1);
  });

  it("shows an allocated centre's submitted sheet, never an open one nor another moderator's centre", async () => {
    const mine = await w.centreWithSheet("mod", [10, 20, 30]);
    const open = await w.centreWithSheet("mod", [10, 20, 30], "OPEN");
    const theirs = await w.centreWithSheet("other", [10, 20, 30]);
    await as(w.mod);
    const sheet = await moderationSheet(w.allocations.mod.id, mine.sheet.id);
    expect(sheet.ok).toBe(true);
    if (sheet.ok) {
      expect(sheet.sample.map((s) => s.centreMark).sort()).toEqual([10, 20, 30]);
      expect(sheet.canEdit).toBe(true);
    }
    expect(await moderationSheet(w.allocations.mod.id, open.sheet.id)).toEqual({ ok: false, error: "notFound" });
    // Another centre's sheet through my allocation, or through theirs.
    expect(await moderationSheet(w.allocations.mod.id, theirs.sheet.id)).toEqual({ ok: false, error: "notFound" });
    expect(await moderationSheet(w.allocations.other.id, theirs.sheet.id)).toEqual({ ok: false, error: "notFound" });
    expect(await moderationCentres(w.allocations.other.id)).toEqual({ ok: false, error: "notFound" });
    expect(
      await saveModeratedMark(w.allocations.mod.id, theirs.sheet.id, theirs.sample[0].entryId, gridSave(5)),
    ).toEqual({ ok: false, error: "notFound" });
    expect(await saveModeratedMark(w.allocations.mod.id, open.sheet.id, open.entries[0].entryId, gridSave(5))).toEqual({
      ok: false,
      error: "notFound",
    });
    // The centre list names the open sheet's centre without a sheet to open.
    const centres = await moderationCentres(w.allocations.mod.id);
    if (!centres.ok) throw new Error("refused");
    expect(centres.rows.find((r) => r.centre.id === open.centre.id)?.sheet).toBeNull();
    expect(centres.rows.find((r) => r.centre.id === mine.centre.id)?.sheet?.status).toBe("SUBMITTED");
    expect(centres.rows.some((r) => r.centre.id === theirs.centre.id)).toBe(false);
  });

  it("saves a moderated mark only for a sampled candidate", async () => {
    const s = await w.centreWithSheet("mod", [...twenty(), "A"]);
    const unsampled = s.entries.find((e) => !s.sample.some((x) => x.entryId === e.entryId))!;
    await as(w.mod);
    expect(await saveModeratedMark(w.allocations.mod.id, s.sheet.id, unsampled.entryId, gridSave(5))).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await db.prisma.mark.count({ where: { entryId: unsampled.entryId, source: "MODERATOR" } })).toBe(0);
  });

  it("keeps moderated marks within 0 and the component's maximum, whole, or a code", async () => {
    const s = await w.centreWithSheet("mod", [10, 20, 30]);
    const [first] = s.sample;
    await as(w.mod);
    const save = (v: number | "A" | null, base = 0) =>
      saveModeratedMark(w.allocations.mod.id, s.sheet.id, first.entryId, gridSave(v, base));
    expect(await save(MAX + 1)).toMatchObject({ ok: false, error: "invalid", reason: "marks.overMax" });
    expect(await save(-1)).toMatchObject({ ok: false, error: "invalid", reason: "marks.belowZero" });
    expect(await save(2.5)).toMatchObject({ ok: false, error: "invalid", reason: "marks.notWhole" });
    expect(await db.prisma.mark.count({ where: { entryId: first.entryId, source: "MODERATOR" } })).toBe(0);
    expect(await save(MAX)).toMatchObject({ ok: true, version: 1 });
    expect(await save(0, 1)).toMatchObject({ ok: true, version: 2 });
    // A save based on an old version is a conflict, with the mark as it now is.
    expect(await save(5, 1)).toMatchObject({
      ok: false,
      error: "conflict",
      current: { version: 2 },
      savedBy: w.mod.user.name || w.mod.user.email,
    });
    const stored = await db.prisma.mark.findFirstOrThrow({ where: { entryId: first.entryId, source: "MODERATOR" } });
    expect(stored.total).toBe(0);
    // Every moderated mark is audited, as the moderator, at the centre.
    const rows = await db.prisma.auditEvent.findMany({
      where: { action: "marks.save", details: { path: ["entryId"], equals: first.entryId } },
    });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.actorId === w.mod.user.id && r.centreId === s.centre.id)).toBe(true);
  });
});

describe("team leaders", () => {
  it("work as a moderator they lead: see, mark and report as themselves", async () => {
    const s = await w.centreWithSheet("mod", [12, 14, 16]);
    await as(w.leader);
    const overview = await moderationOverview({ as: w.mod.user.id });
    if (!overview.ok) throw new Error("refused");
    expect(overview.team.map((t) => t.id)).toEqual([w.mod.user.id]);
    expect(overview.as).toBe(w.mod.user.id);
    expect(overview.rows.map((r) => r.allocationId)).toEqual([w.allocations.mod.id]);
    const sheet = await moderationSheet(w.allocations.mod.id, s.sheet.id);
    expect(sheet.ok && sheet.workingAs?.id).toBe(w.mod.user.id);
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample, () => 0);
    const done = await submitReport(w.allocations.mod.id, s.sheet.id, {
      report: REPORT,
      expectedAdjustment: 0,
      confirmed: true,
    });
    expect(done).toEqual({ ok: true, adjustment: 0, meanDifference: 0 });
    const saves = await db.prisma.auditEvent.findMany({
      where: { action: "marks.save", details: { path: ["entryId"], equals: s.sample[0].entryId } },
    });
    expect(saves.map((r) => r.actorId)).toEqual([w.leader.user.id]);
    const submitted = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "moderation.report-submitted", details: { path: ["sheetId"], equals: s.sheet.id } },
    });
    expect(submitted.actorId).toBe(w.leader.user.id);
    expect(submitted.details).toMatchObject({ onBehalfOf: w.mod.user.email });
    const report = await db.prisma.moderationReport.findUniqueOrThrow({ where: { sheetId: s.sheet.id } });
    expect(report.moderatorId).toBe(w.mod.user.id);
  });

  it("are the only ones who may: another moderator cannot work as them", async () => {
    const s = await w.centreWithSheet("mod", [12, 14, 16]);
    await as(w.other);
    expect(await moderationOverview({ as: w.mod.user.id })).toEqual({ ok: false, error: "notFound" });
    expect(await moderationCentres(w.allocations.mod.id)).toEqual({ ok: false, error: "notFound" });
    expect(await moderationSheet(w.allocations.mod.id, s.sheet.id)).toEqual({ ok: false, error: "notFound" });
    expect(await saveModeratedMark(w.allocations.mod.id, s.sheet.id, s.sample[0].entryId, gridSave(3))).toEqual({
      ok: false,
      error: "notFound",
    });
    // And the moderator led cannot work as their leader.
    await as(w.mod);
    expect(await moderationOverview({ as: w.leader.user.id })).toEqual({ ok: false, error: "notFound" });
    expect(await moderationCentres(w.allocations.leader.id)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("the adjustment", () => {
  const figures = async (sheetId: string) => {
    const sheet = await moderationSheet(w.allocations.mod.id, sheetId);
    if (!sheet.ok) throw new Error("refused");
    return sheet.review;
  };

  it("is nothing when the mean difference is exactly the tolerance", async () => {
    const s = await w.centreWithSheet("mod", twenty());
    await db.prisma.seriesComponent.upsert({
      where: { seriesId_componentId: { seriesId: w.series.id, componentId: w.component.id } },
      create: { seriesId: w.series.id, componentId: w.component.id, tolerance: 2 },
      update: { tolerance: 2 },
    });
    await as(w.mod);
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample, () => 2);
    const review = await figures(s.sheet.id);
    expect(review).toMatchObject({ meanDifference: 2, adjustment: 0, tolerance: 2, remaining: 0, compared: 15 });
    expect(review.cohort.every((l) => l.before === l.after)).toBe(true);
  });

  it("moves every candidate's mark just beyond it, kept within 0 and the maximum", async () => {
    // The moderator finds 3 marks more on every sampled candidate but the top one (58, which can
    // go up by only 2): a mean just under 3, beyond the tolerance of 2, rounds to 3.
    const marks = [...twenty(), 58, 1];
    const s = await w.centreWithSheet("mod", marks);
    await as(w.mod);
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample, (_i, centre) => (centre === 58 ? 2 : 3));
    const shown = await figures(s.sheet.id);
    expect(shown.meanDifference).toBeGreaterThan(2);
    expect(shown.meanDifference).toBeLessThan(3);
    expect(shown.adjustment).toBe(3);
    const after = new Map(shown.cohort.map((l) => [l.before, l.after]));
    expect(after.get(58)).toBe(MAX);
    expect(after.get(20)).toBe(23);
    expect(after.get(1)).toBe(4);
    // The whole cohort moves, not only the sample.
    expect(shown.cohort).toHaveLength(marks.length);
    expect(shown.cohort.filter((l) => l.before !== l.after)).toHaveLength(marks.length);

    const done = await submitReport(w.allocations.mod.id, s.sheet.id, {
      report: REPORT,
      expectedAdjustment: shown.adjustment,
      confirmed: true,
    });
    expect(done).toMatchObject({ ok: true, adjustment: shown.adjustment });
    const report = await db.prisma.moderationReport.findUniqueOrThrow({ where: { sheetId: s.sheet.id } });
    expect(report).toMatchObject({ adjustment: shown.adjustment, meanDifference: shown.meanDifference });
    const audited = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "moderation.adjustment", details: { path: ["sheetId"], equals: s.sheet.id } },
    });
    expect(audited.details).toMatchObject({ adjustment: shown.adjustment });
    expect((audited.details as { marks: unknown[] }).marks).toHaveLength(marks.length);
    // Now every candidate has a new mark.
    expect((await figures(s.sheet.id)).changed).toBe(marks.length);
  });

  it("takes marks down to no lower than 0", async () => {
    const s = await w.centreWithSheet("mod", [1, 30, 40, 50]);
    await as(w.mod);
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample, (i) => (i === 0 ? -1 : -5));
    const review = await figures(s.sheet.id);
    expect(review.meanDifference).toBe(-4);
    expect(review.adjustment).toBe(-4);
    expect(review.cohort.map((l) => l.after)).toEqual([0, 26, 36, 46]);
  });
});

describe("submitting the report", () => {
  it("needs every sampled candidate marked, every section, the confirmation and the figures shown", async () => {
    const s = await w.centreWithSheet("mod", [10, 20, 30]);
    await as(w.mod);
    const submit = (over: Partial<Parameters<typeof submitReport>[2]> = {}) =>
      submitReport(w.allocations.mod.id, s.sheet.id, {
        report: REPORT,
        expectedAdjustment: 0,
        confirmed: true,
        ...over,
      });
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample.slice(0, 2), () => 0);
    expect(await submit()).toEqual({ ok: false, error: "conflict", reason: "moderationSampleIncomplete" });
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample.slice(2), () => 10);
    expect(await submit({ confirmed: false })).toEqual({
      ok: false,
      error: "invalid",
      reason: "moderationNotConfirmed",
    });
    expect(await submit({ report: { ...REPORT, sections: { ...REPORT.sections, advice: " " } } })).toEqual({
      ok: false,
      error: "invalid",
      reason: "moderationSectionsMissing",
    });
    expect(await submit({ report: { ...REPORT, extra: "x" } })).toEqual({
      ok: false,
      error: "invalid",
      reason: "moderationReportInvalid",
    });
    expect(await submit({ report: { ...REPORT, comments: "a\u0000b" } })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    // 10 on one of three: a mean of 3.33, beyond the default tolerance of 2 — not the 0 shown before.
    expect(await submit()).toEqual({ ok: false, error: "conflict", reason: "moderationFiguresChanged" });
    const sheet = await db.prisma.markSheet.findUniqueOrThrow({ where: { id: s.sheet.id }, include: { report: true } });
    expect(sheet.status).toBe("SUBMITTED");
    expect(sheet.report).toBeNull();
    expect(await submit({ expectedAdjustment: 3 })).toEqual({ ok: true, adjustment: 3, meanDifference: 3.33 });
  });

  it("closes the sheet: no more moderated marks or report changes", async () => {
    const s = await w.centreWithSheet("mod", [10, 20, 30]);
    await as(w.mod);
    expect(await saveReportDraft(w.allocations.mod.id, s.sheet.id, { ...REPORT, comments: "Draft" })).toEqual({
      ok: true,
    });
    expect(
      (await db.prisma.moderationReport.findUniqueOrThrow({ where: { sheetId: s.sheet.id } })).submittedAt,
    ).toBeNull();
    await moderateAll(w.allocations.mod.id, s.sheet.id, s.sample, () => 1);
    expect(
      await submitReport(w.allocations.mod.id, s.sheet.id, { report: REPORT, expectedAdjustment: 0, confirmed: true }),
    ).toEqual({
      ok: true,
      adjustment: 0,
      meanDifference: 1,
    });
    const sheet = await db.prisma.markSheet.findUniqueOrThrow({ where: { id: s.sheet.id }, include: { report: true } });
    expect(sheet.status).toBe("MODERATED");
    expect(sheet.report).toMatchObject({ comments: "Thank you.", meanDifference: 1, adjustment: 0, releasedAt: null });
    expect(sheet.report?.submittedAt).not.toBeNull();
    const version = (
      await db.prisma.mark.findFirstOrThrow({ where: { entryId: s.sample[0].entryId, source: "MODERATOR" } })
    ).version;
    expect(
      await saveModeratedMark(w.allocations.mod.id, s.sheet.id, s.sample[0].entryId, gridSave(25, version)),
    ).toEqual({
      ok: false,
      error: "conflict",
      reason: "moderationClosed",
    });
    expect(await saveReportDraft(w.allocations.mod.id, s.sheet.id, REPORT)).toEqual({
      ok: false,
      error: "conflict",
      reason: "moderationClosed",
    });
    expect(
      await submitReport(w.allocations.mod.id, s.sheet.id, { report: REPORT, expectedAdjustment: 0, confirmed: true }),
    ).toEqual({
      ok: false,
      error: "conflict",
      reason: "moderationClosed",
    });
    // Still readable, read-only.
    const read = await moderationSheet(w.allocations.mod.id, s.sheet.id);
    expect(read.ok && read.canEdit).toBe(false);
    expect(read.ok && read.reportState).toBe("submitted");
  });
});

describe("who else", () => {
  it("refuses centre accounts, examiners and the signed-out", async () => {
    const s = await w.centreWithSheet("mod", [10, 20, 30]);
    const calls = () => [
      moderationOverview(),
      moderationCentres(w.allocations.mod.id),
      moderationSheet(w.allocations.mod.id, s.sheet.id),
      saveModeratedMark(w.allocations.mod.id, s.sheet.id, s.sample[0].entryId, gridSave(3)),
      saveReportDraft(w.allocations.mod.id, s.sheet.id, REPORT),
      submitReport(w.allocations.mod.id, s.sheet.id, { report: REPORT, expectedAdjustment: 0, confirmed: true }),
    ];
    const eo = await w.actor({ role: "EXAMS_OFFICER", centre: s.centre });
    for (const who of [eo, w.examiner, w.board]) {
      await as(who);
      for (const answer of await Promise.all(calls())) expect(answer).toEqual({ ok: false, error: "forbidden" });
    }
    await as(null);
    for (const answer of await Promise.all(calls())) expect(answer).toEqual({ ok: false, error: "unauthenticated" });
    expect(await db.prisma.mark.count({ where: { entryId: s.sample[0].entryId, source: "MODERATOR" } })).toBe(0);
  });
});
