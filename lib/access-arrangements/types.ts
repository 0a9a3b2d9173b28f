import type {
  AccessArrangementStatus,
  AccessArrangementType,
  ModifiedPaperFormat,
  StandardisedArea,
  SupportPlan,
} from "@/lib/generated/prisma/enums";

// The words of access arrangements (docs/access-arrangements.md): which arrangements the centre
// decides itself (delegated: recorded for its own list, no application) and which need the
// board's approval (an application with its evidence), and the values an application's fields
// may take.

/** Delegated to the centre: recorded, never applied for. */
export const DELEGATED_TYPES = [
  "SUPERVISED_REST_BREAKS",
  "SEPARATE_INVIGILATION",
  "WORD_PROCESSOR",
  "COLOURED_OVERLAYS",
  "READING_PEN",
  "PROMPTER",
] as const satisfies readonly AccessArrangementType[];

/** Need the board's approval: an application per candidate, with evidence. */
export const APPROVAL_TYPES = [
  "EXTRA_TIME_25",
  "EXTRA_TIME_OVER_25",
  "READER",
  "SCRIBE",
  "MODIFIED_PAPERS",
] as const satisfies readonly AccessArrangementType[];

export type DelegatedType = (typeof DELEGATED_TYPES)[number];
export type ApprovalType = (typeof APPROVAL_TYPES)[number];

export const ARRANGEMENT_TYPES = [...DELEGATED_TYPES, ...APPROVAL_TYPES] as const;

export const ARRANGEMENT_STATUSES = [
  "DELEGATED",
  "APPROVED",
  "REFERRED",
  "REFUSED",
  "WITHDRAWN",
] as const satisfies readonly AccessArrangementStatus[];

export const STANDARDISED_AREAS = [
  "READING_SPEED",
  "READING_COMPREHENSION_SPEED",
  "WRITING_SPEED",
  "COGNITIVE_PROCESSING",
] as const satisfies readonly StandardisedArea[];

export const PAPER_FORMATS = [
  "ENLARGED_18",
  "ENLARGED_24",
  "BRAILLE",
  "MODIFIED_LANGUAGE",
] as const satisfies readonly ModifiedPaperFormat[];

export const SUPPORT_PLANS = ["EHCP", "IDP"] as const satisfies readonly SupportPlan[];

/** Extra time over 25%: the percentages a centre may ask for. */
export const OVER_25_PERCENTS = [30, 40, 50, 75, 100] as const;

/** Standardised scores are reported from 40 to 160 (mean 100, standard deviation 15). */
export const SCORE_MIN = 40;
export const SCORE_MAX = 160;
/** At most this many scores on one application. */
export const MAX_SCORES = 4;

export function isDelegatedType(type: unknown): type is DelegatedType {
  return (DELEGATED_TYPES as readonly unknown[]).includes(type);
}

export function isApprovalType(type: unknown): type is ApprovalType {
  return (APPROVAL_TYPES as readonly unknown[]).includes(type);
}

/** Whether an application of this type must carry an assessor's evidence (extra time), unless a plan is recorded. */
export function needsAssessment(type: ApprovalType): boolean {
  return type === "EXTRA_TIME_25" || type === "EXTRA_TIME_OVER_25";
}

/** The value named by a query or form value, or undefined when it names none. */
export function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return list.find((v) => v === value);
}
