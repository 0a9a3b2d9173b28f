// Submitting an IAMIS sheet (docs/marks.md, "Submitting and the sample"), on a real database —
// run on PostgreSQL too, for a save racing the submit: the confirmation, every candidate with a
// mark or code, the lock (saves and imports refused after), lateness, the sample drawn at once
// (its size by cohort, always the highest and lowest), and the audit row.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getSheet } from "@/lib/data/marks/iamis-sheets";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import { getSample, submitSheet } from "@/lib/data/marks/iamis-submit";
import { confirmMarksImport } from "@/lib/data/marks/iamis-import";
import { sampleSize } from "@/lib/marks/moderation";
import { submitSheetAction } from "@/app/(portal)/iamis/[sheetId]/actions";
import { redirectTarget } from "../utils/next-mocks";
import { buildIamisWorld, fill, mark, ORACY_DEADLINE, saveOf, T0, type IamisWorld } from "./iamis/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

let w: IamisWorld;

beforeAll(async () => {
  w = await buildIamisWorld();
}, 120_000);
afterAll(async () => w?.db.close());

/** A sheet in a series of its own with `n` candidates, marked by `markOf(i)`. */
async function sheetWith(n: number, markOf: (i: number) => ReturnType<typeof mark>) {
  const series = await w.newSeries();
  const entries = await w.enter(w.centreA, n, series);
  const sheet = await w.sheetOf(w.centreA, series);
  await w.as("eo");
  // Candidates with nothing to save are left without a mark.
  const marked = entries.map((e, i) => [e, markOf(i)] as const).filter(([, v]) => v.code || v.total !== null);
  await fill(
    sheet,
    marked.map(([e]) => e),
    marked.map(([, v]) => v),
  );
  return { sheet, entries };
}

const sampled = async (sheetId: string) =>
  (await w.db.prisma.markSample.findMany({ where: { sheetId } })).map((s) => s.entryId);

describe("before submitting", () => {
  it("asks for the confirmation that the candidates have been told their marks", async () => {
    const { sheet } = await sheetWith(3, (i) => mark(10 + i));
    await w.as("eo");
    expect(await submitSheet(sheet, false)).toEqual({ ok: false, error: "invalid", reason: "iamisNotConfirmed" });
    const form = new FormData();
    form.append("sheetId", sheet);
    expect(await submitSheetAction({}, form)).toEqual({ fieldErrors: { told: ["iamisNotConfirmed"] } });
    expect((await w.db.prisma.markSheet.findUniqueOrThrow({ where: { id: sheet } })).status).toBe("OPEN");
  });

  it("refuses while any candidate has no mark or code, saying how many", async () => {
    const { sheet, entries } = await sheetWith(4, (i) => mark(i < 2 ? 20 : null));
    await w.as("eo");
    expect(await submitSheet(sheet, true)).toEqual({
      ok: false,
      error: "invalid",
      reason: "iamisIncomplete",
      missing: 2,
    });
    expect(await sampled(sheet)).toEqual([]);
    await fill(
      sheet,
      entries.slice(2),
      [mark(null, "A"), mark(null, "W")].map((v) => v),
    );
    expect(await submitSheet(sheet, true)).toMatchObject({ ok: true });
  });
});

describe("submitting", () => {
  it("locks the sheet: later saves and imports are refused and nothing changes", async () => {
    const { sheet, entries } = await sheetWith(3, (i) => mark(30 + i));
    await w.as("userIamis", new Date("2027-04-10T08:00:00Z"));
    const form = new FormData();
    form.append("sheetId", sheet);
    form.append("told", "yes");
    let to: string | null = null;
    try {
      await submitSheetAction({}, form);
    } catch (e) {
      to = redirectTarget(e);
    }
    expect(to).toBe(`/iamis/${sheet}/sample?done=submitted`);
    const row = await w.db.prisma.markSheet.findUniqueOrThrow({ where: { id: sheet } });
    expect(row).toMatchObject({
      status: "SUBMITTED",
      submittedAt: new Date("2027-04-10T08:00:00Z"),
      submittedById: w.s.userIamis.user.id,
      late: false,
    });

    await w.as("eo");
    expect(await saveSheetMark(sheet, entries[0], saveOf(mark(40), 1))).toEqual({
      ok: false,
      error: "conflict",
      reason: "iamisSheetLocked",
    });
    expect(await confirmMarksImport(sheet, "0001,40\n")).toEqual({
      ok: false,
      error: "conflict",
      reason: "iamisSheetLocked",
    });
    expect(await submitSheet(sheet, true)).toEqual({ ok: false, error: "conflict", reason: "iamisSheetLocked" });
    const marks = await w.db.prisma.mark.findMany({ where: { entryId: { in: entries } }, orderBy: { total: "asc" } });
    expect(marks.map((m) => [m.total, m.version])).toEqual([
      [30, 1],
      [31, 1],
      [32, 1],
    ]);
    const view = await getSheet(sheet);
    expect(view.ok && { canEdit: view.canEdit, canSubmit: view.canSubmit, state: view.sheet.state }).toEqual({
      canEdit: false,
      canSubmit: false,
      state: "submitted",
    });
  });

  it("after the deadline the submission is late", async () => {
    const { sheet } = await sheetWith(2, (i) => mark(5 + i));
    await w.as("eo", new Date(ORACY_DEADLINE.getTime() + 60_000));
    expect(await submitSheet(sheet, true)).toMatchObject({ ok: true, late: true });
    expect((await w.db.prisma.markSheet.findUniqueOrThrow({ where: { id: sheet } })).late).toBe(true);
  });

  it("is audited with the sample drawn", async () => {
    const { sheet, entries } = await sheetWith(3, (i) => mark(50 - i));
    await w.as("admin", T0);
    expect(await submitSheet(sheet, true)).toMatchObject({ ok: true, sampled: 3, late: false });
    const event = await w.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "iamis.submitted", details: { path: ["sheetId"], equals: sheet } },
    });
    expect(event).toMatchObject({ actorId: w.s.admin.user.id, centreId: w.centreA.id, outcome: "success" });
    expect(event.details).toMatchObject({ component: "9541/01", candidates: 3, late: false });
    expect([...((event.details as { sample: string[] }).sample ?? [])].sort()).toEqual([...entries].sort());
  });
});

describe("the sample", () => {
  it.each([15, 16, 100, 101, 200, 201])(
    "a cohort of %i: the sample's size, always the highest and the lowest mark",
    async (n) => {
      // Marks spread over 0..60, with the highest and lowest held by one candidate each.
      const { sheet, entries } = await sheetWith(n, (i) => mark(i === 7 ? 60 : i === n - 3 ? 0 : 1 + ((i * 7) % 58)));
      await w.as("eo");
      expect(await submitSheet(sheet, true)).toMatchObject({ ok: true, sampled: sampleSize(n) });
      const chosen = await sampled(sheet);
      expect(chosen).toHaveLength(sampleSize(n));
      expect(chosen).toContain(entries[7]);
      expect(chosen).toContain(entries[n - 3]);
      const shown = await getSample(sheet);
      if (!shown.ok) throw new Error("refused");
      expect(shown.rows).toHaveLength(sampleSize(n));
      expect(shown.cohort).toBe(n);
      expect(shown.rows.find((r) => r.highest)).toMatchObject({ entryId: entries[7], mark: 60 });
      expect(shown.rows.find((r) => r.lowest)).toMatchObject({ entryId: entries[n - 3], mark: 0 });
      const numbers = shown.rows.map((r) => r.candidateNumber);
      expect(numbers).toEqual([...numbers].sort());
    },
    60_000,
  );

  it("is drawn from the candidates with a mark: absent and withdrawn candidates are never in it", async () => {
    const { sheet, entries } = await sheetWith(20, (i) => (i % 4 === 0 ? mark(null, i % 8 ? "A" : "W") : mark(i)));
    await w.as("eo");
    expect(await submitSheet(sheet, true)).toMatchObject({ ok: true, sampled: 15 });
    const coded = entries.filter((_, i) => i % 4 === 0);
    const chosen = await sampled(sheet);
    expect(chosen.filter((e) => coded.includes(e))).toEqual([]);
    const shown = await getSample(sheet);
    expect(shown.ok && shown.cohort).toBe(15);
  });

  it("is not shown before the sheet is submitted", async () => {
    const { sheet } = await sheetWith(2, () => mark(3));
    await w.as("eo");
    const shown = await getSample(sheet);
    expect(shown).toMatchObject({ ok: true, submitted: false, rows: [] });
  });
});

describe("a save racing the submit", () => {
  it("either lands before the lock (and is in the submitted marks) or is refused; never after it", async () => {
    for (let round = 0; round < 4; round++) {
      const { sheet, entries } = await sheetWith(3, () => mark(10));
      await w.as("eo");
      const [save, submit] = await Promise.all([
        saveSheetMark(sheet, entries[0], saveOf(mark(11), 1)),
        submitSheet(sheet, true),
      ]);
      expect(submit.ok).toBe(true);
      const row = await w.db.prisma.mark.findFirstOrThrow({ where: { entryId: entries[0] } });
      // What the submission froze, as its audit row records it.
      const submitted = await w.db.prisma.auditEvent.findFirstOrThrow({
        where: { action: "iamis.submitted", details: { path: ["sheetId"], equals: sheet } },
      });
      const frozen = (submitted.details as { marks: Record<string, number | string> }).marks[entries[0]];
      if (save.ok) {
        // It landed before the lock: the submission saw it.
        expect(row).toMatchObject({ total: 11, version: 2 });
        expect(frozen).toBe(11);
      } else {
        expect(save).toEqual({ ok: false, error: "conflict", reason: "iamisSheetLocked" });
        expect(row).toMatchObject({ total: 10, version: 1 });
        expect(frozen).toBe(10);
      }
    }
  });
});
