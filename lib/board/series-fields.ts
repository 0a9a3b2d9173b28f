// The field names of the form of a series' component settings: one row per component, its
// fields `markDate-<componentId>`, `markTime-<componentId>` and `tolerance-<componentId>`.
// Shared by the form (a client component) and its reading (lib/validation/series.ts).

export const COMPONENT_FIELD = /^(markDate|markTime|tolerance)-([A-Za-z0-9_-]{1,100})$/;

export const componentField = (kind: "markDate" | "markTime" | "tolerance", componentId: string) =>
  `${kind}-${componentId}`;
