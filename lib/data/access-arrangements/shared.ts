import "server-only";
import { authorizeCentre, requestInfo, type Authorized, type CentreCaller, type Refusal } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import { expiryState } from "@/lib/access-arrangements/expiry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessArrangementStatus, AccessArrangementType, ModifiedPaperFormat } from "@/lib/generated/prisma/enums";

// What every access-arrangements data function shares (docs/access-arrangements.md): the caller
// (a centre account holding `access_arrangements`: the EO always, Admins and Users when granted),
// the row a list shows, and the audit row every read of these special-category data leaves.

/** The caller, when they may see and change their centre's access arrangements. */
export async function authorizeArrangements(): Promise<Authorized<CentreCaller> | Refusal> {
  return authorizeCentre("access_arrangements");
}

/** What a person sees of an arrangement's status: expiry folds into "approved". */
export type ArrangementState =
  "delegated" | "approved" | "expiringSoon" | "expired" | "referred" | "refused" | "withdrawn";

// internal: a pure mapping used by the authorized functions of this folder
export function stateOf(row: { status: AccessArrangementStatus; expiresAt: Date | null }, at: Date): ArrangementState {
  switch (row.status) {
    case "APPROVED": {
      if (!row.expiresAt) return "approved";
      const state = expiryState(row.expiresAt, at);
      return state === "current" ? "approved" : state;
    }
    case "DELEGATED":
      return "delegated";
    case "REFERRED":
      return "referred";
    case "REFUSED":
      return "refused";
    default:
      return "withdrawn";
  }
}

export type SeriesName = { code: string; nameEn: string; nameCy: string };
export type CandidateName = { id: string; candidateNumber: string; firstName: string; lastName: string };

/** One arrangement as the lists show it. */
export type ArrangementRow = {
  id: string;
  type: AccessArrangementType;
  status: AccessArrangementStatus;
  state: ArrangementState;
  extraTimePercent: number | null;
  paperFormat: ModifiedPaperFormat | null;
  reference: string | null;
  decidedAt: Date | null;
  expiresAt: Date | null;
  /** Why it was referred (a key of lib/access-arrangements/decision.ts). */
  referralReason: string | null;
  decisionComment: string;
  /** Null: a standing arrangement, for every series. */
  series: SeriesName | null;
  candidate: CandidateName;
  createdAt: Date;
};

// internal: the select of ArrangementRow, used by the authorized functions of this folder
export const ROW_INCLUDE = {
  series: { select: { code: true, nameEn: true, nameCy: true } },
  candidate: { select: { id: true, candidateNumber: true, firstName: true, lastName: true } },
} as const satisfies Prisma.AccessArrangementInclude;

type RowSource = Prisma.AccessArrangementGetPayload<{ include: typeof ROW_INCLUDE }>;

// internal: a pure mapping used by the authorized functions of this folder
export function toRow(a: RowSource, at: Date): ArrangementRow {
  return {
    id: a.id,
    type: a.type,
    status: a.status,
    state: stateOf(a, at),
    extraTimePercent: a.extraTimePercent,
    paperFormat: a.paperFormat,
    reference: a.reference,
    decidedAt: a.decidedAt,
    expiresAt: a.expiresAt,
    referralReason: a.referralReason,
    decisionComment: a.decisionComment,
    series: a.series,
    candidate: a.candidate,
    createdAt: a.createdAt,
  };
}

// internal: writes the audit row of a read by a caller the authorized function has already checked
/** Every read of access arrangements is audited (a read has no transaction: one row on its own). */
export async function auditRead(
  auth: { caller: { userId: string; email: string; centreId: string | null }; at: Date },
  action: string,
  details: Prisma.InputJsonValue,
): Promise<void> {
  const { ip } = await requestInfo();
  await audit(getPrisma(), {
    action,
    outcome: "success",
    actorId: auth.caller.userId,
    actorEmail: auth.caller.email,
    centreId: auth.caller.centreId,
    ip,
    details,
    at: auth.at,
  });
}

// internal: a pure clean-up of a typed search, used by the authorized functions of this folder
/** A typed search as a search: control characters (a NUL byte) read as spaces, at most 100 characters, trimmed. */
export function cleanQuery(q: unknown): string {
  return typeof q === "string"
    ? q
        .slice(0, 100)
        .replace(/[\u0000-\u001f\u007f]/g, " ")
        .trim()
    : "";
}

/** Words of a candidate search: each must match a name, or begin the candidate number or UCI. At most 5 words. */
// internal: builds a where-clause for the authorized functions of this folder
export function candidateSearch(q: string): Prisma.CandidateWhereInput {
  const words = cleanQuery(q).split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    AND: words.map((w) => ({
      OR: [
        { firstName: { contains: w, mode: "insensitive" as const } },
        { lastName: { contains: w, mode: "insensitive" as const } },
        { candidateNumber: { startsWith: w } },
        { uci: { startsWith: w.toUpperCase() } },
      ],
    })),
  };
}
