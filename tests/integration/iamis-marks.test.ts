// Keying IAMIS marks (docs/marks.md), on a real database — run on PostgreSQL too, for the
// concurrent saves: the mark rules (bounds, codes), versions (a save based on an old version is
// refused with the mark as it now is), idempotency keys (the same save twice applies once),
// the audit row of every change with its old and new values, and the sheets list's counts,
// states and deadlines.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getSheet, listSheets } from "@/lib/data/marks/iamis-sheets";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import { saveSheetMarkAction } from "@/app/(portal)/iamis/[sheetId]/actions";
import { buildIamisWorld, fill, key, mark, ORACY_DEADLINE, saveOf, T0, type IamisWorld } from "./iamis/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

let w: IamisWorld;
let sheet: string;
let entries: string[];

beforeAll(async () => {
  w = await buildIamisWorld();
  entries = await w.enter(w.centreA, 8);
  sheet = await w.sheetOf(w.centreA);
}, 120_000);
afterAll(async () => w?.db.close());

const stored = (entryId: string) =>
  w.db.prisma.mark.findUnique({
    where: { entryId_componentId_source: { entryId, componentId: w.oracy.id, source: "CENTRE" } },
  });
const audits = (entryId: string) =>
  w.db.prisma.auditEvent.findMany({
    where: { action: "marks.save", details: { path: ["entryId"], equals: entryId } },
    orderBy: { at: "asc" },
  });

describe("the mark rules", () => {
  it("takes whole marks from 0 to the maximum, and A or W", async () => {
    await w.as("eo");
    const e = entries[0];
    let version = 0;
    for (const value of [mark(0), mark(60), mark(null, "A"), mark(null, "W"), mark(null)]) {
      const r = await saveSheetMark(sheet, e, saveOf(value, version));
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) version = r.version;
    }
    expect(version).toBe(5);
  });

  it("refuses what breaks them with the rule's own message, and saves nothing", async () => {
    await w.as("eo");
    const e = entries[1];
    const cases: [unknown, string][] = [
      [mark(61), "marks.overMax"],
      [mark(-1), "marks.belowZero"],
      [mark(4.5), "marks.notWhole"],
      [{ code: "A", total: 12, items: null }, "marks.codeAndMark"],
      [{ code: "X", total: null, items: null }, "marks.invalid"],
      [{ code: null, total: 3, items: [3] }, "marks.invalid"],
      [{ code: null, total: "12", items: null }, "marks.invalid"],
    ];
    for (const [value, reason] of cases) {
      const r = await saveSheetMark(sheet, e, { key: key(), baseVersion: 0, value });
      expect(r, JSON.stringify(value)).toMatchObject({ ok: false, error: "invalid" });
      if (!r.ok && "reason" in r && reason !== "marks.invalid") expect(r.reason).toBe(reason);
    }
    // A malformed save: no key, a short key, extra fields, a huge version.
    for (const bad of [
      { baseVersion: 0, value: mark(3) },
      { key: "short", baseVersion: 0, value: mark(3) },
      { key: key(), baseVersion: 0, value: mark(3), extra: 1 },
      { key: key(), baseVersion: 1e12, value: mark(3) },
      null,
      "\u0000",
    ])
      expect(await saveSheetMark(sheet, e, bad)).toEqual({ ok: false, error: "invalid", reason: "marks.invalid" });
    expect(await stored(e)).toBeNull();
  });

  it("the grid's action answers in words, and with the saved mark on a conflict", async () => {
    await w.as("eo");
    const e = entries[2];
    const bad = await saveSheetMarkAction(sheet, e, saveOf(mark(99), 0));
    expect(bad).toEqual({ ok: false, message: "marks.overMax" });
    const first = await saveSheetMarkAction(sheet, e, saveOf(mark(20), 0));
    expect(first).toMatchObject({ ok: true, version: 1 });
    const stale = await saveSheetMarkAction(sheet, e, saveOf(mark(22), 0));
    expect(stale).toEqual({
      ok: false,
      conflict: { value: mark(20), version: 1, savedAt: expect.any(String), savedBy: "Siân Prys" },
    });
    expect(await saveSheetMarkAction(sheet, "nope", saveOf(mark(1), 0))).toEqual({
      ok: false,
      message: "errors.notFound",
    });
  });
});

describe("versions and keys", () => {
  it("a save based on an old version is refused, with the mark as it now is and who saved it", async () => {
    const e = entries[3];
    await w.as("eo");
    const mine = await saveSheetMark(sheet, e, saveOf(mark(30), 0));
    expect(mine).toMatchObject({ ok: true, version: 1 });
    // A colleague, who opened the sheet before that save, types 35.
    await w.as("userIamis");
    const theirs = await saveSheetMark(sheet, e, saveOf(mark(35), 0));
    expect(theirs).toMatchObject({
      ok: false,
      error: "conflict",
      reason: "marks.stale",
      current: { value: mark(30), version: 1, savedBy: "Siân Prys" },
    });
    expect((await stored(e))?.total).toBe(30);
    // They choose to keep theirs: saved on the version they were shown.
    const kept = await saveSheetMark(sheet, e, saveOf(mark(35), 1));
    expect(kept).toMatchObject({ ok: true, version: 2 });
    expect(await stored(e)).toMatchObject({ total: 35, version: 2, updatedById: w.s.userIamis.user.id });
  });

  it("the same save sent twice (a retry) applies once and answers the same", async () => {
    const e = entries[4];
    await w.as("eo");
    const save = saveOf(mark(41), 0);
    const first = await saveSheetMark(sheet, e, save);
    const again = await saveSheetMark(sheet, e, save);
    expect(first).toMatchObject({ ok: true, version: 1, replayed: false });
    expect(again).toMatchObject({ ok: true, version: 1, replayed: true });
    expect(await stored(e)).toMatchObject({ total: 41, version: 1 });
    expect(await audits(e)).toHaveLength(1);
    // Even once later saves have moved the mark on, the retry still answers as it did.
    await saveSheetMark(sheet, e, saveOf(mark(42), 1));
    expect(await saveSheetMark(sheet, e, save)).toMatchObject({ ok: true, version: 1, replayed: true });
    expect(await stored(e)).toMatchObject({ total: 42, version: 2 });
  });

  it("a key is one person's and one mark's: reused by someone else, or for another candidate, it is refused", async () => {
    await w.as("eo");
    const save = saveOf(mark(10), 0);
    expect(await saveSheetMark(sheet, entries[5], save)).toMatchObject({ ok: true });
    expect(await saveSheetMark(sheet, entries[6], save)).toEqual({
      ok: false,
      error: "invalid",
      reason: "marks.invalid",
    });
    await w.as("admin");
    expect(await saveSheetMark(sheet, entries[5], save)).toEqual({
      ok: false,
      error: "invalid",
      reason: "marks.invalid",
    });
    expect(await stored(entries[6])).toBeNull();
  });

  it("concurrent saves: the same save at once applies once; two different saves of one version, one wins", async () => {
    const e = entries[7];
    await w.as("eo");
    const save = saveOf(mark(12), 0);
    const twice = await Promise.all([saveSheetMark(sheet, e, save), saveSheetMark(sheet, e, save)]);
    expect(twice.every((r) => r.ok && r.version === 1)).toBe(true);
    expect(await audits(e)).toHaveLength(1);

    const race = await Promise.all([
      saveSheetMark(sheet, e, saveOf(mark(13), 1)),
      saveSheetMark(sheet, e, saveOf(mark(14), 1)),
      saveSheetMark(sheet, e, saveOf(mark(15), 1)),
    ]);
    const won = race.filter((r) => r.ok);
    const lost = race.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    const now = await stored(e);
    expect(now?.version).toBe(2);
    for (const r of lost)
      expect(r).toMatchObject({ error: "conflict", current: { version: 2, value: { total: now?.total } } });
    expect(await audits(e)).toHaveLength(2);

    // The same save retried while it is still running, on a mark that already has a version.
    const retry = saveOf(mark(16), 2);
    const both = await Promise.all([saveSheetMark(sheet, e, retry), saveSheetMark(sheet, e, retry)]);
    expect(both.map((r) => r.ok && r.version)).toEqual([3, 3]);
    expect(await stored(e)).toMatchObject({ total: 16, version: 3 });
  });

  it("every change is audited with the old and new values, the version and who made it", async () => {
    const rows = await audits(entries[3]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorId: w.s.eo.user.id, centreId: w.centreA.id, outcome: "success" });
    expect(rows[0].details).toMatchObject({ source: "CENTRE", version: 1, old: null, new: mark(30) });
    expect(rows[1]).toMatchObject({ actorId: w.s.userIamis.user.id });
    expect(rows[1].details).toMatchObject({ version: 2, old: mark(30), new: mark(35) });
  });
});

describe("the sheets list and one sheet", () => {
  it("lists each internally assessed component with live entries: state, counts, deadline and lateness", async () => {
    const other = await w.newSeries();
    const fresh = await w.enter(w.centreA, 4, other);
    await w.as("eo", T0);
    let listed = await listSheets(other.code);
    if (!listed.ok) throw new Error("refused");
    expect(listed.selected?.code).toBe(other.code);
    expect(listed.sheets).toHaveLength(1);
    expect(listed.sheets[0]).toMatchObject({
      componentCode: "9541/01",
      state: "notStarted",
      entered: 0,
      total: 4,
      deadline: ORACY_DEADLINE,
      late: false,
    });
    const id = listed.sheets[0].id;
    await fill(id, fresh.slice(0, 2), [mark(20), mark(null, "A")]);
    // A withdrawn candidate leaves the sheet, and the counts.
    await w.db.prisma.entry.update({ where: { id: fresh[3] }, data: { status: "WITHDRAWN" } });
    // The board moves the deadline for this series: that one counts, and it has passed.
    await w.db.prisma.seriesComponent.create({
      data: { seriesId: other.id, componentId: w.oracy.id, markDeadline: new Date("2027-03-01T12:00:00Z") },
    });
    await w.as("eo", T0);
    listed = await listSheets(other.code);
    if (!listed.ok) throw new Error("refused");
    expect(listed.sheets[0]).toMatchObject({
      state: "inProgress",
      entered: 2,
      total: 3,
      deadline: new Date("2027-03-01T12:00:00Z"),
      late: true,
    });
    const one = await getSheet(id);
    if (!one.ok) throw new Error("refused");
    expect(one.rows.map((r) => r.candidateNumber)).toEqual([...one.rows.map((r) => r.candidateNumber)].sort());
    expect(one.rows.map((r) => r.entryId)).toEqual(fresh.slice(0, 3));
    expect(one.rows.map((r) => r.mark.value)).toEqual([mark(20), mark(null, "A"), mark(null)]);
    expect(one.rows.map((r) => r.mark.version)).toEqual([1, 1, 0]);
    expect(one).toMatchObject({ canEdit: true, canSubmit: true, sheet: { late: true, entered: 2 } });
    // The withdrawn candidate's entry is no longer the sheet's.
    expect(await saveSheetMark(id, fresh[3], saveOf(mark(5), 0))).toEqual({ ok: false, error: "notFound" });
  });

  it("defaults to the next series to be released; the same sheet is listed once however often it is listed", async () => {
    await w.as("eo");
    const first = await listSheets();
    const second = await listSheets("no-such-series");
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(first.selected?.code).toBe("2027-06");
    expect(second.selected?.code).toBe("2027-06");
    expect(first.sheets.map((s) => s.id)).toEqual([sheet]);
    expect(await w.db.prisma.markSheet.count({ where: { centreId: w.centreA.id, seriesId: w.series.id } })).toBe(1);
  });
});
