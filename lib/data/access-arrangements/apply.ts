import "server-only";
import { randomBytes } from "node:crypto";
import { refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { decideApplication, type ReferralReason } from "@/lib/access-arrangements/decision";
import { assessmentDateProblem } from "@/lib/access-arrangements/evidence";
import { approvalExpiry } from "@/lib/access-arrangements/expiry";
import { formatReference } from "@/lib/access-arrangements/reference";
import {
  isApprovalType,
  isDelegatedType,
  MAX_SCORES,
  OVER_25_PERCENTS,
  PAPER_FORMATS,
  SCORE_MAX,
  SCORE_MIN,
  STANDARDISED_AREAS,
  SUPPORT_PLANS,
} from "@/lib/access-arrangements/types";
import { parseCalendarDate } from "@/lib/board/series-times";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessArrangementStatus } from "@/lib/generated/prisma/enums";
import type { ApplicationInput, DelegatedInput } from "@/lib/validation/access-arrangements";
import { recordIdSchema } from "@/lib/validation/ids";
import { authorizeArrangements } from "./shared";

// Recording and applying for access arrangements (docs/access-arrangements.md). A delegated
// arrangement is recorded for the centre's own list. An arrangement that needs approval is an
// application with its evidence, the centre's confirmations and the applicant's declaration,
// decided at once by lib/access-arrangements/decision.ts: approved (with a reference and an
// expiry 26 months on) or referred to the board with the reason. The candidate's row is locked
// while the application is checked against what the candidate already holds, so two at once
// cannot both pass; the arrangement, its scores and the audit row are one transaction. The
// actions parse the forms (lib/validation/access-arrangements.ts); what reaches here is checked
// again for what it must never be, whoever calls.

type Tx = Prisma.TransactionClient;
type LockedCandidate = { id: string; candidateNumber: string; dateOfBirth: Date; centreNumber: string };

/** Locks a candidate of the centre for the rest of the transaction; null when there is none. */
async function lockCandidate(tx: Tx, centreId: string, candidateId: string): Promise<LockedCandidate | null> {
  const [row] = await tx.$queryRaw<LockedCandidate[]>`
    SELECT c."id", c."candidateNumber", c."dateOfBirth", ce."number" AS "centreNumber"
      FROM "Candidate" c JOIN "Centre" ce ON ce."id" = c."centreId"
     WHERE c."id" = ${candidateId} AND c."centreId" = ${centreId}
       FOR UPDATE OF c`;
  return row ?? null;
}

/** A score as the rule reads it: a known area, a whole number in range, a test named in one line. */
function validScore(s: unknown): boolean {
  const v = s as { test?: unknown; area?: unknown; score?: unknown } | null;
  return (
    !!v &&
    typeof v.test === "string" &&
    v.test.length > 0 &&
    v.test.length <= 100 &&
    (STANDARDISED_AREAS as readonly unknown[]).includes(v.area) &&
    Number.isInteger(v.score) &&
    (v.score as number) >= SCORE_MIN &&
    (v.score as number) <= SCORE_MAX
  );
}

/** The series named by a code ("" = standing: null), or "unknown". */
async function seriesOf(tx: Tx, code: string): Promise<{ id: string; code: string } | null | "unknown"> {
  if (!code) return null;
  const series = await tx.series.findUnique({ where: { code }, select: { id: true, code: true } });
  return series ?? "unknown";
}

/** Records an arrangement delegated to the centre (no application). Audited. */
export async function recordDelegated(input: DelegatedInput): Promise<Result<{ arrangementId: string }>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  if (!input || typeof input !== "object") return refuse("invalid");
  const value = input;
  if (value.normalWayOfWorking !== true) return refuse("invalid", "aaNormalWayRequired");
  if (typeof value.details !== "string" || value.details.length > 1000) return refuse("invalid");
  if (typeof value.series !== "string") return refuse("invalid", "aaSeriesUnknown");
  if (!recordIdSchema.safeParse(value.candidateId).success) return refuse("invalid", "aaCandidateRequired");
  if (!isDelegatedType(value.type)) return refuse("invalid", "aaTypeRequired");
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx) => {
    const candidate = await lockCandidate(tx, caller.centreId, value.candidateId);
    if (!candidate) return refuse("notFound");
    const series = await seriesOf(tx, value.series);
    if (series === "unknown") return refuse("invalid", "aaSeriesUnknown");
    const held = await tx.accessArrangement.findFirst({
      where: {
        candidateId: candidate.id,
        type: value.type,
        seriesId: series?.id ?? null,
        status: "DELEGATED",
      },
      select: { id: true },
    });
    if (held) return refuse("conflict", "aaAlreadyRecorded");
    const created = await tx.accessArrangement.create({
      data: {
        centreId: caller.centreId,
        candidateId: candidate.id,
        seriesId: series?.id ?? null,
        type: value.type,
        status: "DELEGATED",
        details: value.details,
        normalWayOfWorking: true,
        createdById: caller.userId,
        createdAt: at,
        updatedAt: at,
      },
    });
    await audit(tx, {
      action: "access_arrangements.recorded",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip,
      details: {
        arrangementId: created.id,
        candidateId: candidate.id,
        candidateNumber: candidate.candidateNumber,
        type: value.type,
        series: series?.code ?? null,
      },
      at,
    });
    return { ok: true as const, arrangementId: created.id };
  });
}

export type ApplicationOutcome = {
  arrangementId: string;
  status: Extract<AccessArrangementStatus, "APPROVED" | "REFERRED">;
  reference: string | null;
  expiresAt: Date | null;
  referralReason: ReferralReason | null;
};

/**
 * Applies for an arrangement that needs approval and decides it at once. Refusals name the
 * field at fault where there is one (`reason`): the assessment date before the candidate's Year
 * 9 or after today, an unknown series; an open application of the same kind (referred, or
 * approved and not expired) is a conflict. Audited with the outcome.
 */
export async function applyForArrangement(input: ApplicationInput): Promise<Result<ApplicationOutcome>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  if (!input || typeof input !== "object") return refuse("invalid");
  const value = input;
  if (!isApprovalType(value.type)) return refuse("invalid", "aaTypeRequired");
  if (!recordIdSchema.safeParse(value.candidateId).success) return refuse("invalid", "aaCandidateRequired");
  if (value.normalWayOfWorking !== true) return refuse("invalid", "aaNormalWayRequired");
  if (value.dataNoticeGiven !== true) return refuse("invalid", "aaDataNoticeRequired");
  if (value.declaration !== true) return refuse("invalid", "aaDeclarationRequired");
  if (typeof value.series !== "string") return refuse("invalid", "aaSeriesUnknown");
  if (!Array.isArray(value.scores) || value.scores.length > MAX_SCORES) return refuse("invalid");
  if (value.scores.some((s) => !validScore(s))) return refuse("invalid", "aaScoreInvalid");
  if (value.type === "EXTRA_TIME_OVER_25" && !(OVER_25_PERCENTS as readonly unknown[]).includes(value.extraTimePercent))
    return refuse("invalid", "aaPercentRequired");
  if (value.type === "MODIFIED_PAPERS" && !(PAPER_FORMATS as readonly unknown[]).includes(value.paperFormat))
    return refuse("invalid", "aaFormatRequired");
  if (value.supportPlan !== null && !(SUPPORT_PLANS as readonly unknown[]).includes(value.supportPlan))
    return refuse("invalid", "aaPlanInvalid");
  for (const text of [value.details, value.assessorName, value.assessorQualification])
    if (typeof text !== "string" || text.length > 1000 || text.includes("\u0000")) return refuse("invalid");
  if (value.assessmentDate !== null && !parseCalendarDate(String(value.assessmentDate))) return refuse("invalid");
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  try {
    return await getPrisma().$transaction(async (tx): Promise<Result<ApplicationOutcome>> => {
      const candidate = await lockCandidate(tx, caller.centreId, value.candidateId);
      if (!candidate) return refuse("notFound");
      const series = await seriesOf(tx, value.series);
      if (series === "unknown") return refuse("invalid", "aaSeriesUnknown");
      if (value.assessmentDate) {
        const problem = assessmentDateProblem(candidate.dateOfBirth, value.assessmentDate, at);
        if (problem) return refuse("invalid", problem);
      }
      const open = await tx.accessArrangement.findFirst({
        where: {
          candidateId: candidate.id,
          type: value.type,
          OR: [{ status: "REFERRED" }, { status: "APPROVED", expiresAt: { gt: at } }],
        },
        select: { id: true },
      });
      if (open) return refuse("conflict", "aaAlreadyApplied");
      const decision = decideApplication({ type: value.type, supportPlan: value.supportPlan, scores: value.scores });
      const approved = decision.outcome === "approved";
      const reference = approved ? formatReference(candidate.centreNumber, randomBytes(6)) : null;
      const expiresAt = approved ? approvalExpiry(at) : null;
      const referralReason = decision.outcome === "referred" ? decision.reason : null;
      const created = await tx.accessArrangement.create({
        data: {
          centreId: caller.centreId,
          candidateId: candidate.id,
          seriesId: series?.id ?? null,
          type: value.type,
          status: approved ? "APPROVED" : "REFERRED",
          extraTimePercent: value.type === "EXTRA_TIME_OVER_25" ? value.extraTimePercent : null,
          paperFormat: value.type === "MODIFIED_PAPERS" ? value.paperFormat : null,
          details: value.details,
          reference,
          decidedAt: approved ? at : null,
          referralReason,
          expiresAt,
          assessorName: value.assessorName,
          assessorQualification: value.assessorQualification,
          assessmentDate: value.assessmentDate ? parseCalendarDate(value.assessmentDate) : null,
          supportPlan: value.supportPlan,
          normalWayOfWorking: true,
          dataNoticeGiven: true,
          declaredById: caller.userId,
          declaredByName: caller.name || caller.email,
          declaredAt: at,
          createdById: caller.userId,
          createdAt: at,
          updatedAt: at,
          scores: {
            create: value.scores.map((s, i) => ({ position: i + 1, test: s.test, area: s.area, score: s.score })),
          },
        },
      });
      await audit(tx, {
        action: "access_arrangements.applied",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: caller.centreId,
        ip,
        details: {
          arrangementId: created.id,
          candidateId: candidate.id,
          candidateNumber: candidate.candidateNumber,
          type: value.type,
          series: series?.code ?? null,
          decision: decision.outcome,
          ...(referralReason ? { reason: referralReason } : {}),
          ...(reference && expiresAt ? { reference, expiresAt: expiresAt.toISOString() } : {}),
        },
        at,
      });
      return {
        ok: true,
        arrangementId: created.id,
        status: created.status as ApplicationOutcome["status"],
        reference,
        expiresAt,
        referralReason,
      };
    });
  } catch (error) {
    // Two reference numbers alike: astronomically rare; nothing was written, so ask again.
    if (isUniqueViolation(error)) return refuse("conflict");
    throw error;
  }
}

/**
 * Withdraws an arrangement the centre no longer needs: a delegated one, or an application the
 * board has not decided yet. A decided application stays as it is ("conflict"). Audited.
 */
export async function withdrawArrangement(arrangementId: string): Promise<Result> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const id = recordIdSchema.safeParse(arrangementId);
  if (!id.success) return refuse("notFound");
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result> => {
    const [row] = await tx.$queryRaw<
      { id: string; status: AccessArrangementStatus; type: string; candidateId: string }[]
    >`
      SELECT "id", "status", "type", "candidateId" FROM "AccessArrangement"
       WHERE "id" = ${id.data} AND "centreId" = ${caller.centreId} FOR UPDATE`;
    if (!row) return refuse("notFound");
    if (row.status !== "DELEGATED" && row.status !== "REFERRED") return refuse("conflict", "aaCannotWithdraw");
    await tx.accessArrangement.update({
      where: { id: row.id },
      data: { status: "WITHDRAWN", withdrawnAt: at, updatedAt: at },
    });
    await audit(tx, {
      action: "access_arrangements.withdrawn",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip,
      details: { arrangementId: row.id, candidateId: row.candidateId, type: row.type, from: row.status },
      at,
    });
    return { ok: true };
  });
}
