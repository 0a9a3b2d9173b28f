import type { StandardisedArea, SupportPlan } from "@/lib/generated/prisma/enums";
import type { ApprovalType } from "./types";

// The decision on an application (docs/access-arrangements.md, "The decision"). 25% extra time
// is approved at once when the evidence meets the rule; every other application, and 25% extra
// time whose evidence does not, is referred to the board with the reason. Pure: the data layer
// stores what this answers.

/** A standardised score of 84 or less is below average. */
export const BELOW_AVERAGE_MAX = 84;
/** 85 to 89 is low average. */
export const LOW_AVERAGE_MAX = 89;

export type Score = { area: StandardisedArea; score: number };

export type Decision =
  | { outcome: "approved" }
  | {
      outcome: "referred";
      /** Why: a key of the "accessArrangements.reasons" messages. */
      reason: ReferralReason;
    };

export const REFERRAL_REASONS = [
  "noBelowAverageScore",
  "onlyOneLowScore",
  "lowScoresInOneArea",
  "overTwentyFiveNeedsBoard",
  "readerNeedsBoard",
  "scribeNeedsBoard",
  "modifiedPapersNeedBoard",
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

const ALWAYS_REFERRED: Record<Exclude<ApprovalType, "EXTRA_TIME_25">, ReferralReason> = {
  EXTRA_TIME_OVER_25: "overTwentyFiveNeedsBoard",
  READER: "readerNeedsBoard",
  SCRIBE: "scribeNeedsBoard",
  MODIFIED_PAPERS: "modifiedPapersNeedBoard",
};

/**
 * 25% extra time is approved when an EHCP or IDP is recorded, or when two scores in different
 * areas of speed of working or processing are both low: one below average (≤ 84) and the other
 * below average or low average (≤ 89). Otherwise it is referred, with the nearest reason.
 */
export function decideApplication(input: {
  type: ApprovalType;
  supportPlan: SupportPlan | null;
  scores: readonly Score[];
}): Decision {
  if (input.type !== "EXTRA_TIME_25") return { outcome: "referred", reason: ALWAYS_REFERRED[input.type] };
  if (input.supportPlan) return { outcome: "approved" };
  const below = input.scores.filter((s) => s.score <= BELOW_AVERAGE_MAX);
  if (below.length === 0) return { outcome: "referred", reason: "noBelowAverageScore" };
  const low = input.scores.filter((s) => s.score <= LOW_AVERAGE_MAX);
  if (low.length < 2) return { outcome: "referred", reason: "onlyOneLowScore" };
  const pair = below.some((b) => low.some((l) => l !== b && l.area !== b.area));
  return pair ? { outcome: "approved" } : { outcome: "referred", reason: "lowScoresInOneArea" };
}
