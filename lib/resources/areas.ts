import type { ResourceKind } from "@/lib/generated/prisma/enums";

// The areas resources are listed in, and the filter a list takes from its address
// (docs/product-rules.md ("Resources and question papers")).

export type ResourceArea = "past-papers" | "support-material" | "pre-release" | "circulars";

/** The kinds each area lists. Conference agendas (AGENDA) are for appointees: in no centre area. */
export const AREA_KINDS: Record<ResourceArea, readonly ResourceKind[]> = {
  "past-papers": ["PAST_PAPER", "MARK_SCHEME"],
  "support-material": ["SUPPORT"],
  "pre-release": ["PRE_RELEASE"],
  circulars: ["CIRCULAR"],
};

export type ResourceFilter = {
  qualification?: string;
  specification?: string;
  kind?: string;
  year?: string;
  language?: string;
};

export const FILTER_KEYS = ["qualification", "specification", "kind", "year", "language"] as const;

/** The filter fields from the query string (first value of each, trimmed, short). */
export function filterFrom(params: Record<string, string | string[] | undefined>): ResourceFilter {
  const out: ResourceFilter = {};
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 40);
    if (value) out[key] = value;
  }
  return out;
}

/** Where a resource's file is downloaded (the route checks access again). */
export function resourceHref(id: string): string {
  return `/api/files/resources/${encodeURIComponent(id)}`;
}

/** Where a question paper's file is downloaded (the route checks access and the time again). */
export function questionPaperHref(id: string): string {
  return `/api/files/question-papers/${encodeURIComponent(id)}`;
}
