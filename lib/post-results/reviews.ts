import type { ReviewKind } from "@/lib/generated/prisma/enums";

// The words of a post-results request (docs/product-rules.md ("Post-results services")): what
// may be asked for, and the states a request goes through. An open request ("requested" /
// "in_progress") of a kind for an entry refuses another of the same kind.

export const REVIEW_STATUSES = ["requested", "in_progress", "completed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const OPEN_STATUSES: readonly ReviewStatus[] = ["requested", "in_progress"];
export const REVIEW_KINDS = ["REVIEW_OF_MARKING", "COPY_OF_SCRIPT"] as const satisfies readonly ReviewKind[];

/** The status named by a query value, or undefined (no filter) when it names none. */
export function reviewStatusOf(value: unknown): ReviewStatus | undefined {
  return REVIEW_STATUSES.find((s) => s === value);
}
