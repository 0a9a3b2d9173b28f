import "server-only";
import { authorizeBoard, refuse, requestInfo } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sameMark } from "@/lib/marks/emi";
import { isEntered, markValueSchema, type MarkValue } from "@/lib/marks/rules";
import { saveMark, storedMark, type SaveOutcome } from "./engine";
import { allocatedEntries, allocationSheet, componentShape, isRecordId, lockExaminerMark } from "./emi-scope";

// The board's side of examiner mark input (docs/marks.md, "Examiner mark input"): an examiner
// allocation's marks, and changing a submitted one — which only board staff may do, with a
// reason, through the one mark engine (./engine.ts); the reason, the old and the new mark are
// audited in the transaction that makes the change.

/** An examiner allocation of this appointee, or null (another appointee's answers as if there were none). */
async function boardAllocation(appointeeId: unknown, allocationId: unknown) {
  if (!isRecordId(appointeeId) || !isRecordId(allocationId)) return null;
  const row = await getPrisma().allocation.findFirst({
    where: { id: allocationId, appointeeId, kind: "EXAMINER" },
    select: {
      id: true,
      seriesId: true,
      componentId: true,
      appointee: { select: { id: true, name: true, email: true } },
      series: { select: { code: true, nameEn: true, nameCy: true } },
      component: { select: { code: true, titleEn: true, titleCy: true, specificationId: true } },
    },
  });
  return row ? { ...row, specificationId: row.component.specificationId } : null;
}

/** An examiner allocation's candidates and their marks, for board staff, with who may change what. */
export async function examinerAllocationMarks(appointeeId: string, allocationId: string) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const a = await boardAllocation(appointeeId, allocationId);
  if (!a) return refuse("notFound");
  const { entries, marks, shape } = await allocationSheet(db, a);
  return {
    ok: true as const,
    allocation: {
      id: a.id,
      appointee: a.appointee,
      series: a.series,
      component: { code: a.component.code, titleEn: a.component.titleEn, titleCy: a.component.titleCy },
    },
    maxMark: shape.maxMark,
    questions: shape.questions,
    rows: entries.map((e) => {
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
        /** Board staff change only submitted marks (the examiner still owns the others). */
        canChange: Boolean(m?.submittedAt),
      };
    }),
  };
}

const REASON_MAX = 500;

/**
 * Changes a submitted examiner mark (board staff only): `input` is { key, baseVersion, value }
 * as for every save; `reason` says why (required). The mark stays submitted. A mark not yet
 * submitted is the examiner's ("conflict"); the new mark must be a mark or a code.
 */
export async function changeSubmittedExaminerMark(
  allocationId: string,
  entryId: string,
  input: unknown,
  reason: string,
): Promise<SaveOutcome> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  if (!isRecordId(allocationId) || !isRecordId(entryId)) return refuse("notFound");
  const allocation = await db.allocation.findFirst({
    where: { id: allocationId, kind: "EXAMINER" },
    select: { appointeeId: true },
  });
  const a = allocation ? await boardAllocation(allocation.appointeeId, allocationId) : null;
  if (!a) return refuse("notFound");
  const inScope = { id: entryId, ...allocatedEntries(a) };
  if ((await db.entry.count({ where: inScope })) === 0) return refuse("notFound");
  const why = typeof reason === "string" ? reason.replace(/\p{Cc}/gu, " ").trim() : "";
  if (!why) return refuse("invalid", "emi.reasonRequired");
  if (why.length > REASON_MAX) return refuse("invalid", "emi.reasonTooLong");
  const shape = await componentShape(db, a.componentId);
  const value = newValueOf(input, shape);
  if (value === "invalid") return refuse("invalid", "marks.invalid");
  if (value && !isEntered(value)) return refuse("invalid", "emi.markRequired");
  const { ip } = await requestInfo();
  const where = { entryId_componentId_source: { entryId, componentId: a.componentId, source: "EXAMINER" as const } };
  return saveMark(
    { entryId, componentId: a.componentId, source: "EXAMINER", shape },
    input,
    { userId: caller.userId, email: caller.email, centreId: null, ip },
    at,
    async (tx) => {
      if ((await tx.entry.count({ where: inScope })) === 0) return refuse("notFound");
      await lockExaminerMark(tx, entryId, a.componentId);
      const current = await tx.mark.findUnique({ where });
      if (!current?.submittedAt) return refuse("conflict", "emi.notSubmitted");
      const old = storedMark(current);
      const base = (input as { baseVersion?: unknown }).baseVersion;
      // The engine applies the change only at this version and only if it changes the mark:
      // then (and only then) the board's reason is recorded beside it.
      if (value && current.version === base && !sameMark(old.value, value)) {
        await audit(tx, {
          action: "emi.submitted-mark-changed",
          outcome: "success",
          actorId: caller.userId,
          actorEmail: caller.email,
          targetUserId: a.appointee.id,
          targetEmail: a.appointee.email,
          ip,
          at,
          details: {
            allocationId: a.id,
            entryId,
            component: a.component.code,
            reason: why,
            old: old.value as unknown as Prisma.InputJsonValue,
            new: value as unknown as Prisma.InputJsonValue,
            fromVersion: current.version,
          },
        });
      }
      return null;
    },
  );
}

/** The value a save carries, checked as the engine will check it (null: the engine refuses it). */
function newValueOf(input: unknown, shape: Parameters<typeof markValueSchema>[0]): MarkValue | null | "invalid" {
  if (!input || typeof input !== "object" || !("value" in input)) return "invalid";
  const parsed = markValueSchema(shape).safeParse((input as { value: unknown }).value);
  return parsed.success ? (parsed.data as MarkValue) : null;
}
