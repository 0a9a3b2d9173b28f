import "server-only";
import { inCentre, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { yearGroupOn } from "@/lib/access-arrangements/evidence";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StandardisedArea, SupportPlan } from "@/lib/generated/prisma/enums";
import { recordIdSchema } from "@/lib/validation/ids";
import { auditRead, authorizeArrangements, ROW_INCLUDE, toRow, type ArrangementRow } from "./shared";

// One access arrangement with its evidence (docs/access-arrangements.md), for the centre that
// holds it: another centre's id is "not found". Every view is audited.

export type ArrangementEvidence = {
  assessorName: string;
  assessorQualification: string;
  /** "YYYY-MM-DD", or null when none was given. */
  assessmentDate: string | null;
  /** The candidate's year group on the assessment date. */
  yearGroupAtAssessment: number | null;
  supportPlan: SupportPlan | null;
  scores: { test: string; area: StandardisedArea; score: number }[];
  normalWayOfWorking: boolean;
  dataNoticeGiven: boolean;
  declaredByName: string;
  declaredAt: Date | null;
};

export type ArrangementDetails = ArrangementRow & {
  details: string;
  evidence: ArrangementEvidence;
  candidateUci: string;
  withdrawnAt: Date | null;
};

// internal: the include of ArrangementDetails, shared with the board's view of a referral
export const DETAILS_INCLUDE = {
  ...ROW_INCLUDE,
  candidate: {
    select: { id: true, candidateNumber: true, firstName: true, lastName: true, uci: true, dateOfBirth: true },
  },
  scores: { orderBy: { position: "asc" } },
} as const satisfies Prisma.AccessArrangementInclude;

type DetailsSource = Prisma.AccessArrangementGetPayload<{ include: typeof DETAILS_INCLUDE }>;

// internal: a pure mapping shared with the board's view of a referral
export function toDetails(a: DetailsSource, at: Date): ArrangementDetails {
  const assessmentDate = a.assessmentDate ? a.assessmentDate.toISOString().slice(0, 10) : null;
  return {
    ...toRow(a, at),
    candidate: {
      id: a.candidate.id,
      candidateNumber: a.candidate.candidateNumber,
      firstName: a.candidate.firstName,
      lastName: a.candidate.lastName,
    },
    candidateUci: a.candidate.uci,
    details: a.details,
    withdrawnAt: a.withdrawnAt,
    evidence: {
      assessorName: a.assessorName,
      assessorQualification: a.assessorQualification,
      assessmentDate,
      yearGroupAtAssessment: assessmentDate ? yearGroupOn(a.candidate.dateOfBirth, assessmentDate) : null,
      supportPlan: a.supportPlan,
      scores: a.scores.map((s) => ({ test: s.test, area: s.area, score: s.score })),
      normalWayOfWorking: a.normalWayOfWorking,
      dataNoticeGiven: a.dataNoticeGiven,
      declaredByName: a.declaredByName,
      declaredAt: a.declaredAt,
    },
  };
}

/** One arrangement of the caller's centre, with its evidence, and whether it may be withdrawn. Audited. */
export async function getArrangement(
  arrangementId: string,
): Promise<Result<{ arrangement: ArrangementDetails; canWithdraw: boolean }>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const id = recordIdSchema.safeParse(arrangementId);
  if (!id.success) return refuse("notFound");
  const row = await getPrisma().accessArrangement.findFirst({
    where: inCentre(auth.caller, { id: id.data }),
    include: DETAILS_INCLUDE,
  });
  if (!row) return refuse("notFound");
  await auditRead(auth, "access_arrangements.viewed", {
    arrangementId: row.id,
    candidateId: row.candidateId,
    candidateNumber: row.candidate.candidateNumber,
    type: row.type,
  });
  return {
    ok: true,
    arrangement: toDetails(row, auth.at),
    canWithdraw: row.status === "DELEGATED" || row.status === "REFERRED",
  };
}
