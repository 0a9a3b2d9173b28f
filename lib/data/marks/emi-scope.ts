import "server-only";
import { authorize, refuse, type Authorized, type Refusal } from "@/lib/auth/authorize";
import type { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MarkShape } from "@/lib/marks/rules";
import { readMarks } from "./engine";

// What an examiner's allocation covers (docs/marks.md, "Examiner mark input"): the live
// (ENTERED) entries for the component's specification in the allocation's series, at the
// allocated centres, and the single entries allocated. Building blocks of examiner mark input
// (./emi.ts), the board's view of it (./emi-board.ts) and the board's progress
// (lib/data/board/appointees-progress.ts); each caller has authorized its caller first.

type Db = Prisma.TransactionClient | ReturnType<typeof getPrisma>;

export type ScopedAllocation = { id: string; seriesId: string; specificationId: string };

// internal: a where-clause for callers that have authorized the allocation's reader
/** The entries an allocation covers, read live from its centres and single entries. */
export function allocatedEntries(a: ScopedAllocation): Prisma.EntryWhereInput {
  return {
    seriesId: a.seriesId,
    specificationId: a.specificationId,
    status: "ENTERED",
    OR: [
      { centre: { allocations: { some: { allocationId: a.id } } } },
      { allocations: { some: { allocationId: a.id } } },
    ],
  };
}

/** A mark counts as entered once it has a code or a total (every question marked). */
export const ENTERED_MARK: Prisma.MarkWhereInput = { OR: [{ code: { not: null } }, { total: { not: null } }] };

export type ExaminerCounts = {
  /** Candidates allocated (one script each). */
  scripts: number;
  /** Marks entered (a code, or a total). */
  entered: number;
  /** Of those, submitted. */
  submitted: number;
};

// internal: counts for a caller who has authorized the allocation's reader
/** How far an examiner's allocation has got, from the examiner's marks. */
export async function examinerCounts(db: Db, a: ScopedAllocation & { componentId: string }): Promise<ExaminerCounts> {
  const entry = allocatedEntries(a);
  const marks = { componentId: a.componentId, source: "EXAMINER" as const, entry };
  const [scripts, entered, submitted] = await Promise.all([
    db.entry.count({ where: entry }),
    db.mark.count({ where: { ...marks, ...ENTERED_MARK } }),
    db.mark.count({ where: { ...marks, ...ENTERED_MARK, submittedAt: { not: null } } }),
  ]);
  return { scripts, entered, submitted };
}

// internal: reads the catalogue for a caller who has authorized the component's reader
/** What a component's marks are checked against: its maximum and its questions in order. */
export async function componentShape(
  db: Db,
  componentId: string,
): Promise<MarkShape & { questions: { label: string; maxMark: number }[] }> {
  const c = await db.component.findUniqueOrThrow({
    where: { id: componentId },
    select: { maxMark: true, questions: { select: { label: true, maxMark: true }, orderBy: { number: "asc" } } },
  });
  return { maxMark: c.maxMark, questions: c.questions };
}

// internal: a pure check of an id's form, before any record is read
/** An id as the portal makes them; anything else names no record. */
export const isRecordId = (id: unknown): id is string => typeof id === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(id);

/** Examiner mark input is for examiners only: no other appointee, no centre account, not board staff. */
export async function authorizeExaminer(): Promise<Authorized | Refusal> {
  const auth = await authorize({ roles: ["APPOINTEE"] });
  if (!auth.ok) return auth;
  if (auth.caller.appointeeType !== "EXAMINER") return refuse("forbidden");
  return auth;
}

// internal: takes the client of a function that has authorized the examiner (the caller's own id)
/** The examiner's own allocation with this id, or null (another's answers as if there were none). */
export async function examinerAllocation(db: Db, appointeeId: string, id: unknown) {
  if (!isRecordId(id)) return null;
  const row = await db.allocation.findFirst({
    where: { id, kind: "EXAMINER", appointeeId },
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
    },
  });
  return row ? { ...row, specificationId: row.component.specificationId } : null;
}

// internal: runs inside the save transaction of a function that has authorized its caller
/** Holds an entry's examiner mark (when there is one) until the transaction ends. */
export async function lockExaminerMark(
  tx: Prisma.TransactionClient,
  entryId: string,
  componentId: string,
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Mark" WHERE "entryId" = ${entryId} AND "componentId" = ${componentId} AND source = 'EXAMINER' FOR UPDATE`;
}

// internal: the caller has authorized the examiner of this allocation, or board staff
/** An allocation's candidates (only what an examiner may see of them), their examiner marks and the component's shape. */
export async function allocationSheet(db: Db, a: ScopedAllocation & { componentId: string }) {
  const entries = await db.entry.findMany({
    where: allocatedEntries(a),
    select: {
      id: true,
      centre: { select: { number: true } },
      candidate: { select: { candidateNumber: true, firstName: true, lastName: true } },
    },
    orderBy: [{ centre: { number: "asc" } }, { candidate: { candidateNumber: "asc" } }],
  });
  const [marks, shape] = await Promise.all([
    readMarks(
      db,
      a.componentId,
      "EXAMINER",
      entries.map((e) => e.id),
    ),
    componentShape(db, a.componentId),
  ]);
  return { entries, marks, shape };
}
