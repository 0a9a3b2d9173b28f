import "server-only";
import { refuse, requestInfo, type Refusal, type Result } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { missingSections, reportDraftSchema, type ReportDraft } from "@/lib/marks/moderation-report";
import { saveMark, type SaveOutcome } from "./engine";
import {
  allocationFor,
  authorizeModerator,
  reviewSheet,
  sheetFor,
  type ModeratedSheet,
  type ModeratorAllocation,
} from "./moderation-scope";

// Moderator mark input, the writing side (docs/marks.md, "Moderation"): a moderated mark for a
// sampled candidate (through the one mark engine), the report's draft, and its submission,
// which fixes the mean difference and the adjustment and marks the sheet moderated. A team
// leader working as a moderator they lead does all of it as themselves: the audit names them,
// and the moderator they worked for. Every write re-checks, inside its transaction and with
// the sheet's row locked, that the sheet is still submitted, its report not yet submitted, and
// the caller still allocated (or leading the allocated moderator).

type Tx = Prisma.TransactionClient;

type Reached = { allocation: ModeratorAllocation; sheet: ModeratedSheet };

/** The allocation and sheet, read again inside a transaction with the sheet's row locked; or the refusal. */
async function reopen(tx: Tx, userId: string, allocationId: string, sheetId: string): Promise<Reached | Refusal> {
  await tx.$queryRaw`SELECT id FROM "MarkSheet" WHERE id = ${sheetId} FOR UPDATE`;
  const allocation = await allocationFor(tx, userId, allocationId);
  const sheet = allocation ? await sheetFor(tx, allocation, sheetId) : null;
  if (!allocation || !sheet) return refuse("notFound");
  if (sheet.status !== "SUBMITTED" || sheet.report?.submittedAt) return refuse("conflict", "moderationClosed");
  return { allocation, sheet };
}

/** Who the work was done for, when a team leader did it. */
const onBehalfOf = (allocation: ModeratorAllocation, userId: string) =>
  allocation.appointeeId === userId ? {} : { onBehalfOf: allocation.appointee.email };

/** Saves the moderator's mark for one sampled candidate (`input` as the grid sends it). */
export async function saveModeratedMark(
  allocationId: string,
  sheetId: string,
  entryId: string,
  input: unknown,
): Promise<SaveOutcome | (SaveOutcome & { savedBy: string | null })> {
  const auth = await authorizeModerator();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const allocation = await allocationFor(db, caller.userId, allocationId);
  const sheet = allocation ? await sheetFor(db, allocation, sheetId) : null;
  if (!allocation || !sheet || !sheet.sample.some((s) => s.entryId === entryId)) return refuse("notFound");
  if (sheet.status !== "SUBMITTED" || sheet.report?.submittedAt) return refuse("conflict", "moderationClosed");
  const { ip } = await requestInfo();
  const outcome = await saveMark(
    {
      entryId,
      componentId: sheet.componentId,
      source: "MODERATOR",
      shape: { maxMark: allocation.component.maxMark, questions: [] },
    },
    input,
    { userId: caller.userId, email: caller.email, centreId: sheet.centreId, ip },
    at,
    async (tx) => {
      const reached = await reopen(tx, caller.userId, allocationId, sheetId);
      if ("ok" in reached) return reached;
      return reached.sheet.sample.some((s) => s.entryId === entryId) ? null : refuse("notFound");
    },
  );
  // A conflict says who saved the mark as it now is (the moderator, or their team leader).
  if (!outcome.ok && "current" in outcome && outcome.current?.savedById) {
    const by = await db.user.findUnique({
      where: { id: outcome.current.savedById },
      select: { name: true, email: true },
    });
    return { ...outcome, savedBy: by ? by.name || by.email : null };
  }
  return outcome;
}

const parseDraft = (input: unknown) => {
  const parsed = reportDraftSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
};

/** Saves the report as written so far (nothing is sent to the centre). */
export async function saveReportDraft(allocationId: string, sheetId: string, input: unknown): Promise<Result> {
  const auth = await authorizeModerator();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const draft = parseDraft(input);
  if (!draft) return refuse("invalid", "moderationReportInvalid");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result> => {
    const reached = await reopen(tx, caller.userId, String(allocationId), String(sheetId));
    if ("ok" in reached) return reached;
    const { allocation, sheet } = reached;
    await writeReport(tx, sheet, allocation, draft, {});
    await audit(tx, {
      action: "moderation.report-saved",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: sheet.centreId,
      ip,
      at,
      details: { sheetId: sheet.id, componentId: sheet.componentId, ...onBehalfOf(allocation, caller.userId) },
    });
    return { ok: true };
  });
}

function writeReport(
  tx: Tx,
  sheet: ModeratedSheet,
  allocation: ModeratorAllocation,
  draft: ReportDraft,
  extra: { submittedAt?: Date; meanDifference?: number; adjustment?: number },
) {
  const data = {
    sections: draft.sections,
    comments: draft.comments,
    moderatorId: allocation.appointeeId,
    ...extra,
  };
  return tx.moderationReport.upsert({
    where: { sheetId: sheet.id },
    create: { sheetId: sheet.id, ...data },
    update: data,
  });
}

export type SubmitReportInput = {
  report: unknown;
  /** The adjustment the moderator was shown and confirms. */
  expectedAdjustment: number;
  confirmed: boolean;
};

/**
 * Submits the report: every sampled candidate marked, every section written, the confirmation
 * given, and the adjustment still the one the moderator was shown. Fixes the mean difference
 * and the adjustment, marks the sheet moderated, and audits the report and (when there is one)
 * the adjustment to the whole cohort.
 */
export async function submitReport(
  allocationId: string,
  sheetId: string,
  input: SubmitReportInput,
): Promise<Result<{ adjustment: number; meanDifference: number }>> {
  const auth = await authorizeModerator();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const draft = parseDraft(input?.report);
  if (!draft) return refuse("invalid", "moderationReportInvalid");
  if (input.confirmed !== true) return refuse("invalid", "moderationNotConfirmed");
  if (!Number.isInteger(input.expectedAdjustment)) return refuse("invalid", "moderationReportInvalid");
  if (missingSections(draft).length) return refuse("invalid", "moderationSectionsMissing");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ adjustment: number; meanDifference: number }>> => {
    const reached = await reopen(tx, caller.userId, String(allocationId), String(sheetId));
    if ("ok" in reached) return reached;
    const { allocation, sheet } = reached;
    const { cohort, review } = await reviewSheet(tx, allocation, sheet);
    if (review.remaining > 0) return refuse("conflict", "moderationSampleIncomplete");
    if (review.adjustment !== input.expectedAdjustment) return refuse("conflict", "moderationFiguresChanged");
    const { meanDifference, adjustment } = review;
    await writeReport(tx, sheet, allocation, draft, { submittedAt: at, meanDifference, adjustment });
    const moved = await tx.markSheet.updateMany({
      where: { id: sheet.id, status: "SUBMITTED" },
      data: { status: "MODERATED" },
    });
    if (moved.count !== 1) return refuse("conflict", "moderationClosed");
    const common = {
      outcome: "success" as const,
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: sheet.centreId,
      ip,
      at,
    };
    const about = {
      sheetId: sheet.id,
      centreNumber: sheet.centre.number,
      componentId: sheet.componentId,
      componentCode: allocation.component.code,
      seriesCode: allocation.series.code,
      ...onBehalfOf(allocation, caller.userId),
    };
    await audit(tx, {
      action: "moderation.report-submitted",
      ...common,
      details: {
        ...about,
        sample: sheet.sample.length,
        compared: review.compared,
        meanDifference,
        tolerance: review.tolerance,
        adjustment,
      },
    });
    if (adjustment !== 0) {
      const numbers = new Map(cohort.map((c) => [c.entryId, c.candidateNumber]));
      await audit(tx, {
        action: "moderation.adjustment",
        ...common,
        details: {
          ...about,
          adjustment,
          meanDifference,
          tolerance: review.tolerance,
          marks: review.cohort
            .filter((l) => typeof l.before === "number")
            .map((l) => ({
              entryId: l.entryId,
              candidateNumber: numbers.get(l.entryId) ?? "",
              before: l.before,
              after: l.after,
            })),
        },
      });
    }
    return { ok: true, adjustment, meanDifference };
  });
}
