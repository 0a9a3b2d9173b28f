// Examiner mark input on a real database (lib/data/marks/emi*.ts, docs/marks.md): only
// examiners, each only their own allocation's candidates (another allocation's ids and
// candidates outside it are "not found"); marks per question within their maxima with a
// computed total, a total for a component without questions, codes; a retried save applied
// once; a stale save refused; submission in batches after a confirmation, after which only
// board staff may change a mark, with a reason, audited.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { makePdf, writeStoredFile } from "../factories/files";
import { CATALOGUE, QUESTIONS } from "../factories/catalogue";
import { createEmiWorld, saveKey, T0, type EmiWorld } from "./emi-world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { emiSheet, myEmiAllocations, saveEmiMark, submitEmiMarks } from "@/lib/data/marks/emi";
import { openAgenda } from "@/lib/data/marks/emi-agenda";
import { changeSubmittedExaminerMark, examinerAllocationMarks } from "@/lib/data/marks/emi-board";
import { myMarkDeadlines } from "@/lib/data/marks/appointee-deadlines";
import { getAppointee } from "@/lib/data/board/appointees";

let db: TestDb;
let w: EmiWorld;
let filesDir: string;
let agendaId: string;

const as = (who: { id: string } | null) => actAs(db.prisma, who, T0);
/** Latin 9521/01's eight questions: 15, 12, 14, 16, 13, 15, 6, 9 (100). */
const LATIN = QUESTIONS["9521/01"].max;
const full = (items: number[]) => ({ code: null, total: items.reduce((a, b) => a + b, 0), items });

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "porth-emi-"));
  process.env.FILES_DIR = filesDir;
  db = await createTestDb();
  w = await createEmiWorld(db.prisma);
  const fileKey = `agendas/${w.series.code}/9521-01-en.pdf`;
  await writeStoredFile(fileKey, await makePdf("Latin Language conference agenda"));
  agendaId = (
    await db.prisma.resource.create({
      data: {
        kind: "AGENDA",
        titleEn: "9521/01 conference agenda",
        titleCy: "Agenda cynhadledd 9521/01",
        year: 2027,
        secure: true,
        fileKey,
        seriesId: w.series.id,
        componentId: w.component.latin,
      },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await db?.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe("the catalogue's questions", () => {
  it("add up to each component's maximum, and English Literature's essays have none", async () => {
    for (const spec of CATALOGUE)
      for (const c of spec.components) {
        const q = QUESTIONS[`${spec.code}/${c.n}`];
        if (q)
          expect(
            q.max.reduce((a, b) => a + b, 0),
            `${spec.code}/${c.n}`,
          ).toBe(c.max);
        if (q?.labels) expect(q.labels).toHaveLength(q.max.length);
      }
    expect(QUESTIONS["9561/01"]).toBeUndefined();
    const rows = await db.prisma.componentQuestion.findMany({
      where: { componentId: w.component.latin },
      orderBy: { number: "asc" },
    });
    expect(rows.map((r) => r.maxMark)).toEqual(LATIN);
    expect(rows[0].label).toBe("1(a)");
    expect(await db.prisma.componentQuestion.count({ where: { componentId: w.component.literature } })).toBe(0);
  });
});

describe("who may use examiner mark input", () => {
  it("refuses a moderator, a centre account and board staff, and a caller with no session", async () => {
    for (const who of [w.moderator, w.eo, w.board]) {
      await as(who);
      expect(await myEmiAllocations()).toEqual({ ok: false, error: "forbidden" });
      expect(await emiSheet(w.allocation.latin)).toEqual({ ok: false, error: "forbidden" });
      expect(
        await saveEmiMark(w.allocation.latin, w.entries.a1, { key: saveKey(), baseVersion: 0, value: full(LATIN) }),
      ).toEqual({ ok: false, error: "forbidden" });
      expect(await submitEmiMarks(w.allocation.latin, { all: true }, true)).toEqual({ ok: false, error: "forbidden" });
      expect(await openAgenda(agendaId)).toEqual({ ok: false, error: "forbidden" });
    }
    await as(null);
    expect(await myEmiAllocations()).toEqual({ ok: false, error: "unauthenticated" });
    expect(await db.prisma.mark.count()).toBe(0);
  });

  it("lists the examiner's own allocations with the marks left and the conference agenda", async () => {
    await as(w.examinerX);
    const list = await myEmiAllocations();
    if (!list.ok) throw new Error(list.error);
    expect(list.allocations.map((a) => a.component.code).sort()).toEqual(["9521/01", "9561/01"]);
    const latin = list.allocations.find((a) => a.component.code === "9521/01")!;
    // Centre A's three live Latin entries (not the withdrawn one) and B's single candidate.
    expect(latin.centres).toEqual([w.centreA.number]);
    expect(latin.singleCandidates).toBe(1);
    expect(latin.counts).toEqual({ scripts: 4, left: 4, toSubmit: 0, submitted: 0 });
    expect(latin.agendas.map((d) => d.id)).toEqual([agendaId]);
    expect(list.allocations.find((a) => a.component.code === "9561/01")!.agendas).toEqual([]);
    const opened = await openAgenda(agendaId);
    expect(opened.ok).toBe(true);

    // Examiner Y has the same component in the series: the agenda is theirs too, but not X's other list.
    await as(w.examinerY);
    const other = await myEmiAllocations();
    expect(other.ok && other.allocations.map((a) => a.id)).toEqual([w.allocation.otherLatin]);
    await db.prisma.allocation.update({
      where: { id: w.allocation.otherLatin },
      data: { componentId: w.component.literature },
    });
    expect(await openAgenda(agendaId)).toEqual({ ok: false, error: "notFound" });
    await db.prisma.allocation.update({
      where: { id: w.allocation.otherLatin },
      data: { componentId: w.component.latin },
    });
  });

  it("shows the allocated candidates by centre number, candidate number and name only", async () => {
    await as(w.examinerX);
    const sheet = await emiSheet(w.allocation.latin);
    if (!sheet.ok) throw new Error(sheet.error);
    expect(sheet.rows.map((r) => r.entryId)).toEqual([w.entries.a1, w.entries.a2, w.entries.a3, w.entries.b1]);
    expect(sheet.rows.map((r) => r.centreNumber)).toEqual([
      w.centreA.number,
      w.centreA.number,
      w.centreA.number,
      w.centreB.number,
    ]);
    expect(sheet.rows[0].name).toBe("Test Ambrose");
    expect(Object.keys(sheet.rows[0]).sort()).toEqual(
      [
        "canSubmit",
        "candidateNumber",
        "centreNumber",
        "entryId",
        "name",
        "savedAt",
        "submittedAt",
        "value",
        "version",
      ].sort(),
    );
    expect(sheet.questions.map((q) => q.maxMark)).toEqual(LATIN);
    expect(sheet.maxMark).toBe(100);
    expect(JSON.stringify(sheet)).not.toContain(w.centreA.nameEn);
  });

  it("answers another examiner's allocation, and a candidate outside the allocation, as not found", async () => {
    await as(w.examinerX);
    expect(await emiSheet(w.allocation.otherLatin)).toEqual({ ok: false, error: "notFound" });
    expect(await emiSheet(w.allocation.moderation)).toEqual({ ok: false, error: "notFound" });
    expect(await emiSheet("no-such-allocation")).toEqual({ ok: false, error: "notFound" });
    const value = full(LATIN);
    for (const [allocation, entry] of [
      [w.allocation.latin, w.entries.b2], // B's other candidate is Y's
      [w.allocation.latin, w.entries.aWithdrawn], // withdrawn
      [w.allocation.latin, w.entries.lit1], // another specification
      [w.allocation.otherLatin, w.entries.b2], // Y's allocation
      [w.allocation.latin, "x'; DROP TABLE"],
    ]) {
      expect(await saveEmiMark(allocation, entry, { key: saveKey(), baseVersion: 0, value })).toEqual({
        ok: false,
        error: "notFound",
      });
    }
    expect(await submitEmiMarks(w.allocation.latin, { all: false, entryIds: [w.entries.b2] }, true)).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await db.prisma.mark.count()).toBe(0);
  });
});

describe("entering marks", () => {
  it("keeps each question within its maximum and the total the questions' sum", async () => {
    await as(w.examinerX);
    const over = [...LATIN];
    over[6] = LATIN[6] + 1;
    const save = (value: unknown) =>
      saveEmiMark(w.allocation.latin, w.entries.a1, { key: saveKey(), baseVersion: 0, value });
    expect(await save(full(over))).toEqual({ ok: false, error: "invalid", reason: "marks.overMax" });
    expect(await save({ code: null, total: 99, items: LATIN })).toEqual({
      ok: false,
      error: "invalid",
      reason: "marks.totalMismatch",
    });
    expect(await save({ code: null, total: 100, items: LATIN.slice(1) })).toMatchObject({
      ok: false,
      error: "invalid",
      reason: "marks.wrongQuestions",
    });
    expect(await save({ code: "A", total: null, items: [5, ...LATIN.slice(1).map(() => null)] })).toMatchObject({
      ok: false,
      reason: "marks.codeAndMark",
    });
    expect(await save({ ...full(LATIN), extra: 1 })).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.prisma.mark.count()).toBe(0);

    // Part-marked: saved as typed, no total yet (not entered).
    const part = [10, 8, null, null, null, null, null, null];
    expect(await save({ code: null, total: null, items: part })).toMatchObject({ ok: true, version: 1 });
    const sheet = await emiSheet(w.allocation.latin);
    expect(sheet.ok && sheet.counts).toEqual({ scripts: 4, left: 4, toSubmit: 0, submitted: 0 });
    const done = await saveEmiMark(w.allocation.latin, w.entries.a1, {
      key: saveKey(),
      baseVersion: 1,
      value: full(LATIN),
    });
    expect(done).toMatchObject({ ok: true, version: 2, value: { total: 100 } });
    const mark = await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a1 } });
    expect(mark).toMatchObject({ source: "EXAMINER", total: 100, code: null, items: LATIN, submittedAt: null });
  });

  it("takes a total for a component without questions, within its maximum, and the codes", async () => {
    await as(w.examinerX);
    const save = (entryId: string, value: unknown, baseVersion = 0) =>
      saveEmiMark(w.allocation.literature, entryId, { key: saveKey(), baseVersion, value });
    expect(await save(w.entries.lit1, { code: null, total: 81, items: null })).toMatchObject({
      reason: "marks.overMax",
    });
    expect(await save(w.entries.lit1, { code: null, total: 12.5, items: null })).toMatchObject({
      reason: "marks.notWhole",
    });
    expect(await save(w.entries.lit1, { code: null, total: 60, items: [60] })).toMatchObject({ error: "invalid" });
    expect(await save(w.entries.lit1, { code: null, total: 80, items: null })).toMatchObject({ ok: true });
    expect(await save(w.entries.lit2, { code: "Z", total: null, items: null })).toMatchObject({ error: "invalid" });
    expect(await save(w.entries.lit2, { code: "A", total: null, items: null })).toMatchObject({ ok: true });
    const sheet = await emiSheet(w.allocation.literature);
    expect(sheet.ok && sheet.questions).toEqual([]);
    expect(sheet.ok && sheet.rows.map((r) => [r.value.total, r.value.code])).toEqual([
      [80, null],
      [null, "A"],
    ]);
    expect(sheet.ok && sheet.counts).toEqual({ scripts: 2, left: 0, toSubmit: 2, submitted: 0 });
  });

  it("applies a retried save once, and refuses a save based on an older version", async () => {
    await as(w.examinerX);
    const items = LATIN.map((m) => m - 1);
    const key = saveKey();
    const first = await saveEmiMark(w.allocation.latin, w.entries.a2, { key, baseVersion: 0, value: full(items) });
    const again = await saveEmiMark(w.allocation.latin, w.entries.a2, { key, baseVersion: 0, value: full(items) });
    expect(first).toMatchObject({ ok: true, version: 1, replayed: false });
    expect(again).toMatchObject({ ok: true, version: 1, replayed: true });
    expect(await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a2 } })).toMatchObject({ version: 1 });
    expect(
      await db.prisma.auditEvent.count({
        where: { action: "marks.save", details: { path: ["entryId"], equals: w.entries.a2 } },
      }),
    ).toBe(1);

    const stale = await saveEmiMark(w.allocation.latin, w.entries.a2, {
      key: saveKey(),
      baseVersion: 0,
      value: full(LATIN),
    });
    expect(stale).toMatchObject({
      ok: false,
      error: "conflict",
      reason: "marks.stale",
      current: { version: 1, value: { total: 92 } },
    });
    expect(await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a2 } })).toMatchObject({ total: 92 });
  });
});

describe("submitting marks", () => {
  it("needs a confirmation and marks entered, then submits the chosen ones", async () => {
    await as(w.examinerX);
    expect(await submitEmiMarks(w.allocation.latin, { all: false, entryIds: [w.entries.a1] }, false)).toEqual({
      ok: false,
      error: "invalid",
      reason: "emi.confirmSubmit",
    });
    expect(await submitEmiMarks(w.allocation.latin, { all: false, entryIds: [] }, true)).toEqual({
      ok: false,
      error: "invalid",
      reason: "emi.chooseMarks",
    });
    // a3 has no mark: the whole choice is refused.
    expect(
      await submitEmiMarks(w.allocation.latin, { all: false, entryIds: [w.entries.a1, w.entries.a3] }, true),
    ).toEqual({ ok: false, error: "conflict", reason: "emi.notSubmittable" });
    expect(await db.prisma.mark.count({ where: { submittedAt: { not: null } } })).toBe(0);

    const at = new Date(T0.getTime() + 3_600_000);
    await actAs(db.prisma, w.examinerX, at);
    expect(await submitEmiMarks(w.allocation.latin, { all: false, entryIds: [w.entries.a1] }, true)).toEqual({
      ok: true,
      submitted: 1,
    });
    expect(await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a1 } })).toMatchObject({
      submittedAt: at,
    });
    const sheet = await emiSheet(w.allocation.latin);
    expect(sheet.ok && sheet.counts).toEqual({ scripts: 4, left: 2, toSubmit: 1, submitted: 1 });
    expect(sheet.ok && sheet.rows.find((r) => r.entryId === w.entries.a1)!.canSubmit).toBe(false);
    const audited = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "emi.marks-submitted" } });
    expect(audited).toMatchObject({ actorId: w.examinerX.user.id, details: { count: 1, entryIds: [w.entries.a1] } });
  });

  it("refuses the examiner's change of a submitted mark", async () => {
    await as(w.examinerX);
    const refused = await saveEmiMark(w.allocation.latin, w.entries.a1, {
      key: saveKey(),
      baseVersion: 2,
      value: full(LATIN.map(() => 0)),
    });
    expect(refused).toEqual({ ok: false, error: "conflict", reason: "emi.alreadySubmitted" });
    expect(await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a1 } })).toMatchObject({
      total: 100,
      version: 2,
    });
  });

  it("submits every mark entered and not yet submitted, then has nothing left to submit", async () => {
    await as(w.examinerX);
    expect(await submitEmiMarks(w.allocation.literature, { all: true }, true)).toEqual({ ok: true, submitted: 2 });
    expect(await submitEmiMarks(w.allocation.literature, { all: true }, true)).toEqual({
      ok: false,
      error: "conflict",
      reason: "emi.nothingToSubmit",
    });
    const list = await myEmiAllocations();
    const counts = list.ok ? list.allocations.map((a) => [a.component.code, a.counts]) : [];
    expect(Object.fromEntries(counts)).toEqual({
      "9521/01": { scripts: 4, left: 2, toSubmit: 1, submitted: 1 },
      "9561/01": { scripts: 2, left: 0, toSubmit: 0, submitted: 2 },
    });
  });
});

describe("the board's change of a submitted mark", () => {
  it("is for board staff only", async () => {
    for (const who of [w.examinerX, w.eo, w.moderator]) {
      await as(who);
      const change = await changeSubmittedExaminerMark(
        w.allocation.latin,
        w.entries.a1,
        { key: saveKey(), baseVersion: 2, value: full(LATIN.map(() => 1)) },
        "Clerical error",
      );
      expect(change).toEqual({ ok: false, error: "forbidden" });
      expect(await examinerAllocationMarks(w.examinerX.user.id, w.allocation.latin)).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
  });

  it("shows an allocation's marks to board staff, and no other appointee's allocation", async () => {
    await as(w.board);
    const view = await examinerAllocationMarks(w.examinerX.user.id, w.allocation.latin);
    if (!view.ok) throw new Error(view.error);
    expect(view.rows.map((r) => [r.entryId, r.canChange])).toEqual([
      [w.entries.a1, true],
      [w.entries.a2, false],
      [w.entries.a3, false],
      [w.entries.b1, false],
    ]);
    expect(await examinerAllocationMarks(w.examinerY.user.id, w.allocation.latin)).toEqual({
      ok: false,
      error: "notFound",
    });
  });

  it("changes a submitted mark with a reason, audited with the old and new marks", async () => {
    await as(w.board);
    const items = [...LATIN];
    items[0] = 10;
    const change = (entryId: string, reason: string, baseVersion = 2) =>
      changeSubmittedExaminerMark(
        w.allocation.latin,
        entryId,
        { key: saveKey(), baseVersion, value: full(items) },
        reason,
      );
    expect(await change(w.entries.a1, "  ")).toEqual({ ok: false, error: "invalid", reason: "emi.reasonRequired" });
    expect(await change(w.entries.a1, "x".repeat(501))).toEqual({
      ok: false,
      error: "invalid",
      reason: "emi.reasonTooLong",
    });
    // a2's mark is the examiner's still: not submitted.
    expect(await change(w.entries.a2, "Clerical error", 1)).toEqual({
      ok: false,
      error: "conflict",
      reason: "emi.notSubmitted",
    });
    expect(await change(w.entries.b2, "Clerical error")).toEqual({ ok: false, error: "notFound" });
    expect(await change(w.entries.a1, "Clerical error", 1)).toMatchObject({ ok: false, reason: "marks.stale" });
    expect(await db.prisma.auditEvent.count({ where: { action: "emi.submitted-mark-changed" } })).toBe(0);

    const done = await change(w.entries.a1, "Question 1(a) was added up wrongly");
    expect(done).toMatchObject({ ok: true, version: 3 });
    const mark = await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a1 } });
    expect(mark).toMatchObject({ total: 95, version: 3, updatedById: w.board.user.id });
    expect(mark.submittedAt).not.toBeNull();
    const audited = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "emi.submitted-mark-changed" } });
    expect(audited).toMatchObject({
      actorId: w.board.user.id,
      targetUserId: w.examinerX.user.id,
      details: {
        entryId: w.entries.a1,
        reason: "Question 1(a) was added up wrongly",
        old: { total: 100, items: LATIN },
        new: { total: 95, items },
      },
    });
    // The examiner still cannot change it.
    await as(w.examinerX);
    expect(
      await saveEmiMark(w.allocation.latin, w.entries.a1, { key: saveKey(), baseVersion: 3, value: full(LATIN) }),
    ).toMatchObject({ reason: "emi.alreadySubmitted" });
  });
});

describe("progress and deadlines", () => {
  it("counts the examiner's marks entered and submitted on the board's appointee page", async () => {
    await as(w.board);
    const page = await getAppointee(w.examinerX.user.id);
    if (!page.ok) throw new Error(page.error);
    const progress = Object.fromEntries(page.allocations.map((a) => [a.component.code, a.progress]));
    expect(progress["9521/01"]).toEqual({ centres: 1, candidates: 4, scripts: 4, entered: 2, submitted: 1, left: 3 });
    expect(progress["9561/01"]).toEqual({ centres: 1, candidates: 2, scripts: 2, entered: 2, submitted: 2, left: 0 });
  });

  it("shows the examiner the mark deadlines of their own allocations, and a centre account none of them", async () => {
    const deadline = new Date("2027-07-03T22:59:00Z");
    await db.prisma.seriesComponent.create({
      data: { seriesId: w.series.id, componentId: w.component.latin, markDeadline: deadline },
    });
    await as(w.examinerX);
    const mine = await myMarkDeadlines();
    expect(mine.ok && mine.deadlines.map((d) => [d.code, d.markDeadline])).toEqual([["9521/01", deadline]]);
    await as(w.eo);
    expect(await myMarkDeadlines()).toEqual({ ok: true, deadlines: [] });
  });
});

describe("a save racing a submission", () => {
  it("either saves first and is submitted as saved, or is refused once the mark is submitted", async () => {
    await as(w.examinerX);
    const first = LATIN.map((m) => m - 2);
    const second = LATIN.map((m) => m - 3);
    expect(
      await saveEmiMark(w.allocation.latin, w.entries.a3, { key: saveKey(), baseVersion: 0, value: full(first) }),
    ).toMatchObject({ ok: true, version: 1 });
    const [saved, submitted] = await Promise.all([
      saveEmiMark(w.allocation.latin, w.entries.a3, { key: saveKey(), baseVersion: 1, value: full(second) }),
      submitEmiMarks(w.allocation.latin, { all: false, entryIds: [w.entries.a3] }, true),
    ]);
    expect(submitted).toEqual({ ok: true, submitted: 1 });
    const mark = await db.prisma.mark.findFirstOrThrow({ where: { entryId: w.entries.a3 } });
    expect(mark.submittedAt).not.toBeNull();
    if (saved.ok) expect(mark).toMatchObject({ version: 2, items: second });
    else {
      expect(saved).toEqual({ ok: false, error: "conflict", reason: "emi.alreadySubmitted" });
      expect(mark).toMatchObject({ version: 1, items: first });
    }
  });
});
