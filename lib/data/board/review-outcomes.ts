import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { renderEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import type { ReviewKind } from "@/lib/generated/prisma/enums";
import { gradesFor } from "@/lib/results/grades";

// Moving a post-results request on (docs/product-rules.md ("Post-results services")): requested →
// in progress → completed, one step at a time (the request row is locked for the check). A
// completed review of marking records whether the grade changed; a new grade must be one of the
// qualification's grades (lib/results/grades.ts) and is written to the entry's Result — which
// every results path of the centre reads — in the same transaction as the request and two audit
// rows (the request, and the result with its old and new grade); then the centre's exams officer
// is emailed. A copy-of-script request is completed once every script it asks for is uploaded
// (lib/data/board/review-scripts.ts). Board staff only.

type LockedRequest = { id: string; status: string; kind: ReviewKind; centreId: string; entryId: string };

/** Moves a request from "requested" to "in progress", audited. Another status: "conflict". */
export async function startReview(id: string): Promise<Result> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result> => {
    const [row] = await tx.$queryRaw<LockedRequest[]>`
      SELECT "id", "status", "kind", "centreId", "entryId" FROM "ReviewRequest" WHERE "id" = ${id} FOR UPDATE`;
    if (!row) return refuse("notFound");
    if (row.status !== "requested") return refuse("conflict", "reviewStatusMoved");
    await tx.reviewRequest.update({ where: { id }, data: { status: "in_progress", updatedAt: at } });
    await audit(tx, {
      action: "post_results.started",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: row.centreId,
      ip,
      details: { requestId: id, kind: row.kind, from: "requested", to: "in_progress" },
      at,
    });
    return { ok: true };
  });
}

export type ReviewOutcomeInput = { outcome: "grade_unchanged" | "grade_changed" | null; newGrade: string };

/**
 * Completes a request that is in progress. A review of marking needs its outcome: the grade
 * unchanged, or changed to a grade of the qualification other than the current one — which is
 * then written to the Result, audited with the old and new grade, and emailed to the centre's
 * exams officer (`notified` says whether that email went). A copy of a script needs every
 * script it asks for uploaded. `null` is a form that did not parse.
 */
export async function completeReview(
  id: string,
  input: ReviewOutcomeInput | null,
): Promise<Result<{ gradeChanged: boolean; notified: boolean }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  if (!input) return refuse("invalid");
  const { ip } = await requestInfo();
  const db = getPrisma();
  const outcome = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<LockedRequest[]>`
      SELECT "id", "status", "kind", "centreId", "entryId" FROM "ReviewRequest" WHERE "id" = ${id} FOR UPDATE`;
    if (!row) return refuse("notFound");
    if (row.status !== "in_progress") return refuse("conflict", "reviewStatusMoved");
    const request = await tx.reviewRequest.findUniqueOrThrow({
      where: { id },
      include: {
        entry: {
          include: {
            series: { select: { code: true, nameEn: true, nameCy: true } },
            candidate: { select: { candidateNumber: true } },
            specification: { include: { qualification: { select: { code: true } } } },
            result: { include: { components: { include: { script: { select: { id: true } } } } } },
          },
        },
      },
    });
    const result = request.entry.result;
    const who = { actorId: caller.userId, actorEmail: caller.email, centreId: row.centreId, ip, at };
    if (row.kind === "COPY_OF_SCRIPT") {
      const wanted = (result?.components ?? []).filter(
        (c) => !request.componentId || c.componentId === request.componentId,
      );
      if (wanted.length === 0 || wanted.some((c) => !c.script)) return refuse("conflict", "reviewScriptsMissing");
      await tx.reviewRequest.update({ where: { id }, data: { status: "completed", completedAt: at, updatedAt: at } });
      await audit(tx, {
        ...who,
        action: "post_results.completed",
        outcome: "success",
        details: { requestId: id, kind: row.kind, scripts: wanted.length },
      });
      return { ok: true as const, gradeChanged: false, mail: null };
    }
    if (!result) return refuse("conflict", "reviewNoResult");
    if (input.outcome !== "grade_unchanged" && input.outcome !== "grade_changed")
      return refuse("invalid", "reviewOutcomeRequired");
    const changed = input.outcome === "grade_changed";
    if (changed) {
      if (!gradesFor(request.entry.specification.qualification.code).includes(input.newGrade))
        return refuse("invalid", "reviewGradeInvalid");
      if (input.newGrade === result.grade) return refuse("invalid", "reviewGradeSame");
    }
    await tx.reviewRequest.update({
      where: { id },
      data: {
        status: "completed",
        outcome: input.outcome,
        newGrade: changed ? input.newGrade : null,
        previousGrade: changed ? result.grade : null,
        completedAt: at,
        updatedAt: at,
      },
    });
    await audit(tx, {
      ...who,
      action: "post_results.completed",
      outcome: "success",
      details: {
        requestId: id,
        kind: row.kind,
        outcome: input.outcome,
        grade: result.grade,
        ...(changed ? { newGrade: input.newGrade } : {}),
      },
    });
    if (!changed) return { ok: true as const, gradeChanged: false, mail: null };
    await tx.result.update({ where: { id: result.id }, data: { grade: input.newGrade } });
    await audit(tx, {
      ...who,
      action: "result.grade_changed",
      outcome: "success",
      details: {
        resultId: result.id,
        entryId: request.entryId,
        requestId: id,
        series: request.entry.series.code,
        specification: request.entry.specification.code,
        candidateNumber: request.entry.candidate.candidateNumber,
        oldGrade: result.grade,
        newGrade: input.newGrade,
      },
    });
    return {
      ok: true as const,
      gradeChanged: true,
      mail: {
        centreId: row.centreId,
        // Codes, not names: the email may be in both languages, each with the same values.
        values: {
          candidateNumber: request.entry.candidate.candidateNumber,
          specification: request.entry.specification.code,
          series: request.entry.series.code,
          oldGrade: result.grade,
          newGrade: input.newGrade,
        },
      },
    };
  });
  if (!outcome.ok) return outcome;
  const notified = outcome.mail ? await tellExamsOfficer(outcome.mail.centreId, outcome.mail.values) : false;
  return { ok: true, gradeChanged: outcome.gradeChanged, notified };
}

/** Emails the centre's exams officer that a grade changed; false when there is none or delivery failed. */
async function tellExamsOfficer(centreId: string, values: Record<string, string>): Promise<boolean> {
  const eo = await getPrisma().user.findFirst({
    where: { centreId, role: "EXAMS_OFFICER" },
    select: { email: true, language: true },
  });
  if (!eo) return false;
  try {
    await sendEmail(renderEmail(eo.email, eo.language ?? null, "reviewGradeChanged", values));
    return true;
  } catch (error) {
    console.error(
      `[email] grade change notice to the exams officer of ${centreId} failed: ${(error as Error).message}`,
    );
    return false;
  }
}
