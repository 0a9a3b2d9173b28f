import type { Candidate, Centre, ReviewRequest, Script, Series } from "@/lib/generated/prisma/client";
import { chunks, newId, type Db } from "./db";
import { makePdf, writeStoredFile } from "./files";

/** Where a script's PDF lives in the file store. */
export function scriptFileKey(
  centreNumber: string,
  seriesCode: string,
  candidateNumber: string,
  componentCode: string,
): string {
  return `scripts/${centreNumber}/${seriesCode}/${candidateNumber}-${componentCode.replace("/", "-")}.pdf`;
}

/**
 * Records script consent for every `every`-th candidate (candidate numbers 0001, 0004, 0007, …
 * with the default 3, i.e. about a third) and withdraws it for the rest. Returns the consenting
 * candidates.
 */
export async function setScriptConsent(db: Db, candidates: Candidate[], every = 3): Promise<Candidate[]> {
  const consenting = candidates.filter((c) => (Number(c.candidateNumber) - 1) % every === 0);
  const others = candidates.filter((c) => !consenting.includes(c));
  await db.candidate.updateMany({ where: { id: { in: consenting.map((c) => c.id) } }, data: { scriptConsent: true } });
  await db.candidate.updateMany({ where: { id: { in: others.map((c) => c.id) } }, data: { scriptConsent: false } });
  return consenting.map((c) => ({ ...c, scriptConsent: true }));
}

export type CreateScriptsOptions = {
  /** Write the PDFs to the file store (default true). */
  writeFiles?: boolean;
};

/**
 * A marked-script PDF for every component result of the given candidates in the series (the
 * caller decides whose: the seed passes the consenting ones). One-page PDFs naming the
 * candidate, the component and the mark.
 */
export async function createScripts(
  db: Db,
  centre: Pick<Centre, "id" | "number">,
  series: Pick<Series, "id" | "code">,
  candidates: Pick<Candidate, "id">[],
  options: CreateScriptsOptions = {},
): Promise<Script[]> {
  const { writeFiles = true } = options;
  const componentResults = await db.componentResult.findMany({
    where: {
      result: { centreId: centre.id, seriesId: series.id, entry: { candidateId: { in: candidates.map((c) => c.id) } } },
    },
    include: { component: true, result: { include: { entry: { include: { candidate: true } } } } },
  });
  const rows: Omit<Script, "createdAt">[] = [];
  for (const cr of componentResults) {
    const { entry } = cr.result;
    const fileKey = scriptFileKey(centre.number, series.code, entry.candidate.candidateNumber, cr.component.code);
    rows.push({
      id: newId(),
      centreId: centre.id,
      candidateId: entry.candidateId,
      entryId: entry.id,
      componentResultId: cr.id,
      componentId: cr.componentId,
      fileKey,
    });
    if (writeFiles) {
      const who = `${entry.candidate.candidateNumber} ${entry.candidate.firstName} ${entry.candidate.lastName}`;
      await writeStoredFile(
        fileKey,
        await makePdf(
          `Marked script: ${cr.component.code} ${cr.component.titleEn}`,
          `Sgript wedi'i marcio: ${cr.component.titleCy}`,
          [
            `Centre ${centre.number} · candidate ${who} · series ${series.code}`,
            `Mark ${cr.mark} / ${cr.component.maxMark} · marks per question: ${cr.itemMarks.join(", ")}`,
          ],
        ),
      );
    }
  }
  const out: Script[] = [];
  for (const part of chunks(rows, 2000)) out.push(...(await db.script.createManyAndReturn({ data: part })));
  return out;
}

/**
 * A few post-results requests for a centre, one in each status: a review of marking requested,
 * a copy of a script in progress, a review of marking completed with the grade unchanged and
 * one completed with the grade changed. Uses the first entries (with results) of the series.
 */
export async function createReviewRequests(
  db: Db,
  centre: Pick<Centre, "id">,
  series: Pick<Series, "id">,
  requestedBy: string,
  now: Date = new Date(),
): Promise<ReviewRequest[]> {
  const entries = await db.entry.findMany({
    where: { centreId: centre.id, seriesId: series.id, result: { isNot: null } },
    include: { result: true },
    orderBy: [{ candidate: { candidateNumber: "asc" } }, { specificationId: "asc" }],
    take: 4,
  });
  const plans = [
    { kind: "REVIEW_OF_MARKING", status: "requested", outcome: null, newGrade: null },
    { kind: "COPY_OF_SCRIPT", status: "in_progress", outcome: null, newGrade: null },
    { kind: "REVIEW_OF_MARKING", status: "completed", outcome: "grade_unchanged", newGrade: null },
    { kind: "REVIEW_OF_MARKING", status: "completed", outcome: "grade_changed", newGrade: "raise" },
  ] as const;
  const rows = entries.map((entry, i) => {
    const plan = plans[i];
    const newGrade = plan.newGrade ? raiseGrade(entry.result!.grade) : null;
    return {
      id: newId(),
      centreId: centre.id,
      entryId: entry.id,
      kind: plan.kind,
      status: plan.status,
      requestedBy,
      notes: "",
      outcome: plan.outcome,
      newGrade,
      completedAt: plan.status === "completed" ? now : null,
      createdAt: new Date(now.getTime() - (4 - i) * 86_400_000),
    };
  });
  return db.reviewRequest.createManyAndReturn({ data: rows });
}

const LADDER = ["U", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const A_LADDER = ["U", "E", "D", "C", "B", "A", "A*"];

/** The next grade up (the top grade stays). */
function raiseGrade(grade: string): string {
  for (const ladder of [LADDER, A_LADDER]) {
    const i = ladder.indexOf(grade);
    if (i >= 0) return ladder[Math.min(i + 1, ladder.length - 1)];
  }
  return grade;
}
