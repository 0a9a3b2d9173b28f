import "server-only";
import { randomBytes } from "node:crypto";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { effectivePermissions } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { DETAILS_INCLUDE, toDetails, type ArrangementDetails } from "@/lib/data/access-arrangements/view";
import { ROW_INCLUDE, toRow, type ArrangementRow } from "@/lib/data/access-arrangements/shared";
import { approvalExpiry } from "@/lib/access-arrangements/expiry";
import { formatReference } from "@/lib/access-arrangements/reference";
import { renderEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDate } from "@/lib/i18n/dates";
import { codeOrEmpty } from "@/lib/validation/codes";
import { recordIdSchema } from "@/lib/validation/ids";
import type { DecisionInput } from "@/lib/validation/access-arrangements";

// The board's side of access arrangements (docs/access-arrangements.md, "The board"): the queue
// of applications referred to it, each with its evidence, approved (a reference and an expiry 26
// months on) or refused with a comment. Board staff see only what was referred to them — the
// referred queue and what they decided — never a centre's delegated arrangements or the
// applications the rule approved at once (those ids are "not found"). The decision and its audit
// row are one transaction on the locked row; then the centre's exams officer (and the applicant,
// while they still hold the permission) is emailed. Every view is audited.

export type ReferralRow = ArrangementRow & { centre: { number: string; nameEn: string; nameCy: string } };

/** What the board may see: applications referred to it, waiting or decided. */
const REFERRED: Prisma.AccessArrangementWhereInput = {
  OR: [{ status: "REFERRED" }, { decidedById: { not: null } }],
};

export type ReferralFilters = { view?: string; centre?: string; page?: string | number };

/** Applications a page of the referred queue shows. */
export const REFERRALS_PAGE_SIZE = 50;

export type ReferralQueue = {
  rows: ReferralRow[];
  view: "waiting" | "decided";
  centre: string;
  /** Applications waiting for a decision, whatever the view and centre. */
  waiting: number;
  /** Applications in this view (and centre), on every page. */
  total: number;
  page: number;
  pageSize: number;
};

/**
 * The referred queue, a page at a time: waiting applications, oldest first (`view` "decided":
 * the ones board staff decided, latest first), optionally of one centre (its number). Audited.
 */
export async function referralQueue(filters: ReferralFilters = {}): Promise<Result<ReferralQueue>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const f = filters && typeof filters === "object" ? filters : {};
  const view = f.view === "decided" ? "decided" : "waiting";
  const centre = codeOrEmpty(f.centre, 5);
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(f.page)) || 1));
  const db = getPrisma();
  const where: Prisma.AccessArrangementWhereInput = {
    ...(view === "waiting" ? { status: "REFERRED" } : { decidedById: { not: null } }),
    ...(centre ? { centre: { number: centre } } : {}),
  };
  const [rows, total, waiting] = await Promise.all([
    db.accessArrangement.findMany({
      where,
      include: { ...ROW_INCLUDE, centre: { select: { number: true, nameEn: true, nameCy: true } } },
      orderBy: view === "waiting" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * REFERRALS_PAGE_SIZE,
      take: REFERRALS_PAGE_SIZE,
    }),
    db.accessArrangement.count({ where }),
    db.accessArrangement.count({ where: { status: "REFERRED" } }),
  ]);
  const { ip } = await requestInfo();
  await audit(db, {
    action: "access_arrangements.board_listed",
    outcome: "success",
    actorId: auth.caller.userId,
    actorEmail: auth.caller.email,
    ip,
    details: { view, centre, page, shown: rows.length },
    at: auth.at,
  });
  return {
    ok: true,
    view,
    centre,
    waiting,
    total,
    page,
    pageSize: REFERRALS_PAGE_SIZE,
    rows: rows.map((r) => ({ ...toRow(r, auth.at), centre: r.centre })),
  };
}

/** One referred application with its evidence, and whether it still waits for a decision. Audited. */
export async function getReferral(arrangementId: string): Promise<
  Result<{
    arrangement: ArrangementDetails;
    centre: { number: string; nameEn: string; nameCy: string };
    canDecide: boolean;
  }>
> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const id = recordIdSchema.safeParse(arrangementId);
  if (!id.success) return refuse("notFound");
  const db = getPrisma();
  const row = await db.accessArrangement.findFirst({
    where: { id: id.data, ...REFERRED },
    include: { ...DETAILS_INCLUDE, centre: { select: { number: true, nameEn: true, nameCy: true } } },
  });
  if (!row) return refuse("notFound");
  const { ip } = await requestInfo();
  await audit(db, {
    action: "access_arrangements.board_viewed",
    outcome: "success",
    actorId: auth.caller.userId,
    actorEmail: auth.caller.email,
    centreId: row.centreId,
    ip,
    details: { arrangementId: row.id, candidateNumber: row.candidate.candidateNumber, type: row.type },
    at: auth.at,
  });
  return { ok: true, arrangement: toDetails(row, auth.at), centre: row.centre, canDecide: row.status === "REFERRED" };
}

type Locked = { id: string; status: string; centreId: string; createdById: string };

/**
 * Approves or refuses a referred application (a refusal needs the board's comment). Another
 * status: "conflict" (already decided or withdrawn), nothing written. `notified`: whether the
 * centre's email went.
 */
export async function decideReferral(
  input: DecisionInput,
): Promise<
  Result<{ status: "APPROVED" | "REFUSED"; reference: string | null; expiresAt: Date | null; notified: boolean }>
> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (!input || typeof input !== "object") return refuse("invalid");
  const id = recordIdSchema.safeParse(input.arrangementId);
  if (!id.success) return refuse("notFound");
  if (input.decision !== "approve" && input.decision !== "refuse") return refuse("invalid", "aaDecisionRequired");
  const comment = typeof input.comment === "string" ? input.comment.trim() : "";
  if (comment.length > 1000 || comment.includes("\u0000")) return refuse("invalid", "aaCommentTooLong");
  if (input.decision === "refuse" && !comment) return refuse("invalid", "aaCommentRequired");
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  const approve = input.decision === "approve";
  let outcome;
  try {
    outcome = await getPrisma().$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<Locked[]>`
        SELECT "id", "status", "centreId", "createdById" FROM "AccessArrangement" WHERE "id" = ${id.data} FOR UPDATE`;
      if (!row) return refuse("notFound");
      const full = await tx.accessArrangement.findUniqueOrThrow({
        where: { id: row.id },
        include: { centre: { select: { number: true } }, candidate: { select: { candidateNumber: true } } },
      });
      // Only what was referred to the board is the board's: anything else is not found.
      if (row.status !== "REFERRED" && !full.decidedById) return refuse("notFound");
      if (row.status !== "REFERRED") return refuse("conflict", "aaAlreadyDecided");
      const reference = approve ? formatReference(full.centre.number, randomBytes(6)) : null;
      const expiresAt = approve ? approvalExpiry(at) : null;
      await tx.accessArrangement.update({
        where: { id: row.id },
        data: {
          status: approve ? "APPROVED" : "REFUSED",
          decidedAt: at,
          decidedById: caller.userId,
          decisionComment: comment,
          reference,
          expiresAt,
          updatedAt: at,
        },
      });
      await audit(tx, {
        action: "access_arrangements.decided",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: row.centreId,
        ip,
        details: {
          arrangementId: row.id,
          candidateNumber: full.candidate.candidateNumber,
          type: full.type,
          decision: approve ? "approved" : "refused",
          ...(reference && expiresAt ? { reference, expiresAt: expiresAt.toISOString() } : {}),
        },
        at,
      });
      return {
        ok: true as const,
        status: approve ? ("APPROVED" as const) : ("REFUSED" as const),
        reference,
        expiresAt,
        mail: {
          centreId: row.centreId,
          applicantId: row.createdById,
          candidateNumber: full.candidate.candidateNumber,
          centreNumber: full.centre.number,
        },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("conflict");
    throw error;
  }
  if (!outcome.ok) return outcome;
  const notified = await tellCentre(outcome.mail, outcome.reference, outcome.expiresAt);
  return { ok: true, status: outcome.status, reference: outcome.reference, expiresAt: outcome.expiresAt, notified };
}

/**
 * Emails the centre's exams officer, and the applicant while they hold the permission, that the
 * board decided. The email names the candidate by number and the decision, never the
 * arrangement or the evidence (special-category data stay behind the sign-in). False when no
 * one could be emailed or delivery failed.
 */
async function tellCentre(
  mail: { centreId: string; applicantId: string; candidateNumber: string; centreNumber: string },
  reference: string | null,
  expiresAt: Date | null,
): Promise<boolean> {
  const people = await getPrisma().user.findMany({
    where: { centreId: mail.centreId, OR: [{ role: "EXAMS_OFFICER" }, { id: mail.applicantId }] },
    select: { email: true, language: true, role: true, grants: { select: { permission: true } } },
  });
  const recipients = people.filter((p) =>
    effectivePermissions(
      p.role,
      p.grants.map((g) => g.permission),
    ).includes("access_arrangements"),
  );
  if (recipients.length === 0) return false;
  let sent = 0;
  for (const person of recipients) {
    const email =
      reference && expiresAt
        ? renderEmail(person.email, person.language ?? null, "accessArrangementApproved", (locale) => ({
            candidateNumber: mail.candidateNumber,
            centre: mail.centreNumber,
            reference,
            expires: formatDate(expiresAt, "date", locale),
          }))
        : renderEmail(person.email, person.language ?? null, "accessArrangementRefused", {
            candidateNumber: mail.candidateNumber,
            centre: mail.centreNumber,
          });
    try {
      await sendEmail(email);
      sent++;
    } catch (error) {
      console.error(
        `[email] access arrangement decision to centre ${mail.centreNumber} failed: ${(error as Error).message}`,
      );
    }
  }
  return sent > 0;
}
