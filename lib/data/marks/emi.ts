import "server-only";
import { refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isEntered, type MarkValue } from "@/lib/marks/rules";
import { saveMark, type SaveOutcome } from "./engine";
import {
  allocatedEntries,
  allocationSheet,
  authorizeExaminer,
  componentShape,
  ENTERED_MARK,
  examinerAllocation,
  examinerCounts,
  isRecordId,
  lockExaminerMark,
} from "./emi-scope";

// Examiner mark input (docs/marks.md, "Examiner mark input"): an examiner's allocations, the
// marks of one allocation's candidates per question (or a total), saved through the one mark
// engine (./engine.ts), and submitted in batches. Only examiners, and each only their own
// allocations: another allocation's id, or a candidate outside the allocation, answers "not
// found". A submitted mark is the board's to change (./emi-board.ts).

/** Marks per allocation, as the examiner's list shows them. */
export type EmiCounts = {
  /** Candidates allocated. */
  scripts: number;
  /** Candidates without a mark entered yet. */
  left: number;
  /** Marks entered, not yet submitted. */
  toSubmit: number;
  submitted: number;
};

const countsOf = (c: { scripts: number; entered: number; submitted: number }): EmiCounts => ({
  scripts: c.scripts,
  left: c.scripts - c.entered,
  toSubmit: c.entered - c.submitted,
  submitted: c.submitted,
});

/** The examiner's allocations, newest series first, with their counts and conference agendas. */
export async function myEmiAllocations() {
  const auth = await authorizeExaminer();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const rows = await db.allocation.findMany({
    where: { kind: "EXAMINER", appointeeId: caller.userId },
    select: {
      id: true,
      seriesId: true,
      componentId: true,
      series: { select: { code: true, nameEn: true, nameCy: true } },
      component: {
        select: {
          code: true,
          titleEn: true,
          titleCy: true,
          specificationId: true,
          specification: { select: { qualification: { select: { nameEn: true, nameCy: true } } } },
        },
      },
      centres: { select: { centre: { select: { number: true } } } },
      _count: { select: { candidates: true } },
    },
    orderBy: [{ series: { resultsDay: "desc" } }, { component: { code: "asc" } }],
  });
  const agendas = rows.length
    ? await db.resource.findMany({
        where: {
          kind: "AGENDA",
          OR: rows.map((r) => ({ seriesId: r.seriesId, componentId: r.componentId })),
          AND: [{ OR: [{ availableFrom: null }, { availableFrom: { lte: at } }] }],
        },
        select: { id: true, titleEn: true, titleCy: true, language: true, seriesId: true, componentId: true },
        orderBy: [{ language: "asc" }, { createdAt: "asc" }],
      })
    : [];
  const allocations = await Promise.all(
    rows.map(async (r) => {
      const scoped = { id: r.id, seriesId: r.seriesId, specificationId: r.component.specificationId };
      return {
        id: r.id,
        series: r.series,
        component: { code: r.component.code, titleEn: r.component.titleEn, titleCy: r.component.titleCy },
        qualification: r.component.specification.qualification,
        centres: r.centres.map((c) => c.centre.number).sort(),
        singleCandidates: r._count.candidates,
        counts: countsOf(await examinerCounts(db, { ...scoped, componentId: r.componentId })),
        agendas: agendas
          .filter((d) => d.seriesId === r.seriesId && d.componentId === r.componentId)
          .map((d) => ({ id: d.id, titleEn: d.titleEn, titleCy: d.titleCy, language: d.language })),
      };
    }),
  );
  return { ok: true as const, allocations };
}

export type EmiRow = {
  entryId: string;
  centreNumber: string;
  candidateNumber: string;
  name: string;
  value: MarkValue;
  /** 0 before the first save. */
  version: number;
  savedAt: Date | null;
  submittedAt: Date | null;
  /** Entered and not yet submitted: the examiner may submit it. */
  canSubmit: boolean;
};

/**
 * One allocation's candidates (centre number, candidate number and name only) with the
 * examiner's marks, in centre and candidate order; the component's questions; the counts.
 */
export async function emiSheet(allocationId: string) {
  const auth = await authorizeExaminer();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const a = await examinerAllocation(db, auth.caller.userId, allocationId);
  if (!a) return refuse("notFound");
  const { entries, marks, shape } = await allocationSheet(db, a);
  const rows: EmiRow[] = entries.map((e) => {
    const m = marks.get(e.id);
    return {
      entryId: e.id,
      centreNumber: e.centre.number,
      candidateNumber: e.candidate.candidateNumber,
      name: `${e.candidate.firstName} ${e.candidate.lastName}`,
      value: m?.value ?? { code: null, total: null, items: null },
      version: m?.version ?? 0,
      savedAt: m?.savedAt ?? null,
      submittedAt: m?.submittedAt ?? null,
      canSubmit: Boolean(m && isEntered(m.value) && !m.submittedAt),
    };
  });
  const entered = rows.filter((r) => isEntered(r.value));
  return {
    ok: true as const,
    allocation: {
      id: a.id,
      series: a.series,
      component: { code: a.component.code, titleEn: a.component.titleEn, titleCy: a.component.titleCy },
      qualification: a.component.specification.qualification,
    },
    maxMark: shape.maxMark,
    questions: shape.questions,
    rows,
    counts: countsOf({
      scripts: rows.length,
      entered: entered.length,
      submitted: entered.filter((r) => r.submittedAt).length,
    }),
  };
}

/**
 * Saves the examiner's mark for one allocated candidate through the mark engine: `input` is the
 * browser's { key, baseVersion, value }. Refused once the mark is submitted ("conflict"), for a
 * candidate no longer in the allocation ("notFound"); a stale version answers "conflict" with
 * the mark as it now is.
 */
export async function saveEmiMark(allocationId: string, entryId: string, input: unknown): Promise<SaveOutcome> {
  const auth = await authorizeExaminer();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const a = await examinerAllocation(db, caller.userId, allocationId);
  if (!a || !isRecordId(entryId)) return refuse("notFound");
  const inScope = { id: entryId, ...allocatedEntries(a) };
  if ((await db.entry.count({ where: inScope })) === 0) return refuse("notFound");
  const shape = await componentShape(db, a.componentId);
  const { ip } = await requestInfo();
  return saveMark(
    { entryId, componentId: a.componentId, source: "EXAMINER", shape },
    input,
    { userId: caller.userId, email: caller.email, centreId: null, ip },
    at,
    async (tx) => {
      // Still allocated, and not yet submitted (the row is held until the save commits).
      if ((await tx.entry.count({ where: inScope })) === 0) return refuse("notFound");
      await lockExaminerMark(tx, entryId, a.componentId);
      const mark = await tx.mark.findUnique({
        where: { entryId_componentId_source: { entryId, componentId: a.componentId, source: "EXAMINER" } },
        select: { submittedAt: true },
      });
      return mark?.submittedAt ? refuse("conflict", "emi.alreadySubmitted") : null;
    },
  );
}

/** What to submit: the chosen candidates' marks, or every mark entered and not yet submitted. */
export type SubmitChoice = { all: true } | { all: false; entryIds: readonly string[] };

const MAX_SUBMIT = 5_000;

/**
 * Submits entered marks of the allocation (after the examiner has confirmed): they get their
 * submission time and from then on only board staff may change them. A chosen candidate outside
 * the allocation is "not found"; one without a mark to submit is a "conflict"; nothing is
 * submitted unless the whole choice is. Audited with the candidates' entries.
 */
export async function submitEmiMarks(
  allocationId: string,
  choice: SubmitChoice,
  confirmed: boolean,
): Promise<Result<{ submitted: number }>> {
  const auth = await authorizeExaminer();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const a = await examinerAllocation(db, caller.userId, allocationId);
  if (!a) return refuse("notFound");
  const chosen = choice?.all === true ? null : [...new Set(choice?.entryIds ?? [])];
  if (chosen && (chosen.length > MAX_SUBMIT || !chosen.every(isRecordId))) return refuse("notFound");
  if (chosen && chosen.length === 0) return refuse("invalid", "emi.chooseMarks");
  if (confirmed !== true) return refuse("invalid", "emi.confirmSubmit");
  const { ip } = await requestInfo();
  try {
    return await db.$transaction(async (tx): Promise<Result<{ submitted: number }>> => {
      const scope = allocatedEntries(a);
      if (chosen) {
        const found = await tx.entry.count({ where: { AND: [scope, { id: { in: chosen } }] } });
        if (found !== chosen.length) return refuse("notFound");
      }
      const where: Prisma.MarkWhereInput = {
        componentId: a.componentId,
        source: "EXAMINER",
        submittedAt: null,
        entry: chosen ? { AND: [scope, { id: { in: chosen } }] } : scope,
        ...ENTERED_MARK,
      };
      const marks = await tx.mark.findMany({ where, select: { id: true, entryId: true } });
      if (chosen ? marks.length !== chosen.length : marks.length === 0)
        return refuse("conflict", chosen ? "emi.notSubmittable" : "emi.nothingToSubmit");
      const done = await tx.mark.updateMany({
        // Still entered and not submitted: a save or submission since the read refuses the lot.
        where: { id: { in: marks.map((m) => m.id) }, submittedAt: null, ...ENTERED_MARK },
        data: { submittedAt: at },
      });
      // Another submission of the same marks got there first: undo this one as a whole.
      if (done.count !== marks.length) throw new SubmitRaced();
      await audit(tx, {
        action: "emi.marks-submitted",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        at,
        details: {
          allocationId: a.id,
          series: a.series.code,
          component: a.component.code,
          count: marks.length,
          entryIds: marks.map((m) => m.entryId),
        },
      });
      return { ok: true, submitted: marks.length };
    });
  } catch (error) {
    if (error instanceof SubmitRaced) return refuse("conflict", "emi.notSubmittable");
    throw error;
  }
}

class SubmitRaced extends Error {}
