// The board's side of moderation on a real database (lib/data/board/moderation.ts), through its
// server actions as the forms post them: the sheets of a series, releasing a component's
// submitted reports (the centre reads them from then on), unlocking a submitted sheet before its
// report, each audited; and nobody but board staff reaches any of it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "./../utils/test-db";
import { actAs } from "../utils/act-as";
import { redirectTarget } from "../utils/next-mocks";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { boardModeration, boardSheet, releaseReports, unlockSheet } from "@/lib/data/board/moderation";
import { moderationCentres, moderationSheet } from "@/lib/data/marks/moderation";
import { saveModeratedMark, submitReport } from "@/lib/data/marks/moderation-save";
import { releaseReportsAction, unlockSheetAction } from "@/app/(portal)/board/moderation/actions";
import type { ActionState } from "@/lib/validation/action-state";
import { buildWorld, gridSave, REPORT, T0, type World } from "./moderation/world";

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

const fd = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

/** Runs an action that redirects on success: where it went, or what it answered. */
async function post(
  action: (prev: ActionState, data: FormData) => Promise<ActionState>,
  values: Record<string, string>,
) {
  try {
    return { state: await action({}, fd(values)), to: null };
  } catch (error) {
    const to = redirectTarget(error);
    if (!to) throw error;
    return { state: null, to };
  }
}

/** A sheet moderated by `mod` with a report submitted (not released). */
async function reported(marks: number[] = [10, 20, 30]) {
  const s = await w.centreWithSheet("mod", marks);
  await as(w.mod);
  for (const x of s.sample) await saveModeratedMark(w.allocations.mod.id, s.sheet.id, x.entryId, gridSave(x.centre));
  const done = await submitReport(w.allocations.mod.id, s.sheet.id, {
    report: REPORT,
    expectedAdjustment: 0,
    confirmed: true,
  });
  expect(done.ok).toBe(true);
  return s;
}

describe("the board's view", () => {
  it("lists every centre's sheet of the series with its status, sample and report", async () => {
    const open = await w.centreWithSheet("mod", [10, 20], "OPEN");
    const waiting = await w.centreWithSheet("mod", [10, 20, 30, 40]);
    const done = await reported();
    await as(w.board);
    const view = await boardModeration("2027-06");
    if (!view.ok) throw new Error("refused");
    const component = view.components.find((c) => c.code === "9541/01")!;
    const row = (id: string) => component.sheets.find((s) => s.id === id)!;
    expect(row(open.sheet.id)).toMatchObject({ status: "OPEN", sampleSize: 0, report: "none", canUnlock: false });
    expect(row(waiting.sheet.id)).toMatchObject({
      status: "SUBMITTED",
      sampleSize: 4,
      report: "none",
      canUnlock: true,
    });
    expect(row(done.sheet.id)).toMatchObject({
      status: "MODERATED",
      sampleSize: 3,
      report: "submitted",
      canUnlock: false,
    });
    expect(component.releasable).toBeGreaterThanOrEqual(1);
    expect(await boardModeration("1999-01")).toEqual({ ok: false, error: "notFound" });
  });
});

describe("releasing reports", () => {
  it("releases a component's submitted reports, audited, and only those", async () => {
    const done = await reported();
    const draft = await w.centreWithSheet("mod", [10, 20, 30]);
    await as(w.mod);
    await saveModeratedMark(w.allocations.mod.id, draft.sheet.id, draft.sample[0].entryId, gridSave(11));
    await as(w.board);
    const { to } = await post(releaseReportsAction, { seriesId: w.series.id, componentId: w.component.id });
    expect(to).toBe("/board/moderation?series=2027-06&done=released");
    const report = await db.prisma.moderationReport.findUniqueOrThrow({ where: { sheetId: done.sheet.id } });
    expect(report.releasedAt).not.toBeNull();
    // The draft-in-progress sheet has no report to release.
    expect(await db.prisma.moderationReport.findUnique({ where: { sheetId: draft.sheet.id } })).toBeNull();
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "moderation.reports-released" },
      orderBy: { at: "desc" },
    });
    expect(event.actorId).toBe(w.board.user.id);
    expect((event.details as { centres: string[] }).centres).toContain(done.centre.number);
    // Nothing left to release: said so, nothing written.
    const again = await post(releaseReportsAction, { seriesId: w.series.id, componentId: w.component.id });
    expect(again.state).toEqual({ formError: "moderationNothingToRelease" });
    expect(await db.prisma.auditEvent.count({ where: { action: "moderation.reports-released" } })).toBe(1);
    // The moderator sees the report as released.
    await as(w.mod);
    const centres = await moderationCentres(w.allocations.mod.id);
    expect(centres.ok && centres.rows.find((r) => r.centre.id === done.centre.id)?.sheet?.report).toBe("released");
  });

  it("refuses a tampered or unknown post", async () => {
    await as(w.board);
    expect(
      (await post(releaseReportsAction, { seriesId: w.series.id, componentId: w.component.id, x: "1" })).state,
    ).toEqual({
      formError: "tampered",
    });
    expect((await post(releaseReportsAction, { seriesId: w.series.id, componentId: "nope" })).state).toEqual({
      formError: "notFound",
    });
    expect((await post(releaseReportsAction, { seriesId: "a\u0000b", componentId: w.component.id })).state).toEqual({
      formError: "notFound",
    });
  });
});

describe("unlocking a sheet", () => {
  it("sends a submitted sheet back to the centre: sample, moderated marks and draft gone, audited with the reason", async () => {
    const s = await w.centreWithSheet("mod", [10, 20, 30]);
    await as(w.mod);
    await saveModeratedMark(w.allocations.mod.id, s.sheet.id, s.sample[0].entryId, gridSave(12));
    await as(w.board);
    expect((await post(unlockSheetAction, { sheetId: s.sheet.id, reason: "  " })).state).toMatchObject({
      fieldErrors: { reason: ["moderationUnlockReasonMissing"] },
    });
    expect((await post(unlockSheetAction, { sheetId: s.sheet.id, reason: "x".repeat(501) })).state).toMatchObject({
      fieldErrors: { reason: ["moderationUnlockReasonTooLong"] },
    });
    expect((await post(unlockSheetAction, { sheetId: s.sheet.id, reason: "a\u0000b" })).state).toMatchObject({
      fieldErrors: { reason: ["moderationUnlockReasonInvalid"] },
    });
    expect((await db.prisma.markSheet.findUniqueOrThrow({ where: { id: s.sheet.id } })).status).toBe("SUBMITTED");
    const { to } = await post(unlockSheetAction, { sheetId: s.sheet.id, reason: "Centre keyed two marks wrongly" });
    expect(to).toBe("/board/moderation?series=2027-06&done=unlocked");
    const sheet = await db.prisma.markSheet.findUniqueOrThrow({ where: { id: s.sheet.id }, include: { sample: true } });
    expect(sheet).toMatchObject({ status: "OPEN", submittedAt: null, sample: [] });
    expect(await db.prisma.mark.count({ where: { entryId: s.sample[0].entryId, source: "MODERATOR" } })).toBe(0);
    // The centre's own marks stay.
    expect(await db.prisma.mark.count({ where: { entryId: s.sample[0].entryId, source: "CENTRE" } })).toBe(1);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "moderation.sheet-unlocked", details: { path: ["sheetId"], equals: s.sheet.id } },
    });
    expect(event.details).toMatchObject({ reason: "Centre keyed two marks wrongly", sampleCleared: 3 });
    // The moderator no longer sees it.
    await as(w.mod);
    expect(await moderationSheet(w.allocations.mod.id, s.sheet.id)).toEqual({ ok: false, error: "notFound" });
  });

  it("is refused once the report is submitted, and for an open sheet", async () => {
    const done = await reported();
    const open = await w.centreWithSheet("mod", [10], "OPEN");
    await as(w.board);
    expect(await unlockSheet({ sheetId: done.sheet.id, reason: "Too late" })).toEqual({
      ok: false,
      error: "conflict",
      reason: "moderationUnlockReported",
    });
    expect((await post(unlockSheetAction, { sheetId: open.sheet.id, reason: "Why" })).state).toEqual({
      formError: "moderationUnlockNotSubmitted",
      values: { reason: "Why" },
    });
    expect((await db.prisma.markSheet.findUniqueOrThrow({ where: { id: done.sheet.id } })).status).toBe("MODERATED");
    expect(
      await db.prisma.auditEvent.count({
        where: { action: "moderation.sheet-unlocked", details: { path: ["sheetId"], equals: done.sheet.id } },
      }),
    ).toBe(0);
    const page = await boardSheet(done.sheet.id);
    expect(page.ok && page.sheet.canUnlock).toBe(false);
  });
});

describe("who else", () => {
  it("refuses centre accounts and appointees, and the signed-out", async () => {
    const s = await w.centreWithSheet("mod", [10, 20, 30]);
    const calls = () => [
      boardModeration(),
      boardSheet(s.sheet.id),
      releaseReports({ seriesId: w.series.id, componentId: w.component.id }),
      unlockSheet({ sheetId: s.sheet.id, reason: "No" }),
    ];
    for (const who of [await w.actor({ role: "EXAMS_OFFICER", centre: s.centre }), w.mod, w.examiner]) {
      await as(who);
      for (const answer of await Promise.all(calls())) expect(answer).toEqual({ ok: false, error: "forbidden" });
    }
    await as(null);
    for (const answer of await Promise.all(calls())) expect(answer).toEqual({ ok: false, error: "unauthenticated" });
    expect((await db.prisma.markSheet.findUniqueOrThrow({ where: { id: s.sheet.id } })).status).toBe("SUBMITTED");
  });
});
