// The authorization matrix (issue 4): every page, server action and route handler × every kind
// of caller. Rows live in tests/authz/matrix/<area>.ts; tests/integration/authz-matrix.test.ts
// finds every endpoint in app/ and lib/actions/ and fails on one without a row.
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The user-grantable permissions a "User" actor may be given, one actor each. */
export const USER_PERMS = ["iamis", "access_arrangements", "entries", "results", "scripts"] as const;
/** The Admin-grantable permissions: "admin" holds all of them, "adminBare" none. */
export const ADMIN_PERMS = ["a2c", "iamis", "access_arrangements", "scripts"] as const;

export type Actor =
  | "anonymous"
  /** Password done, second factor still to come. */
  | "pendingMfa"
  | "board"
  | "eo"
  /** An Admin with every grantable permission (the invite default). */
  | "admin"
  /** An Admin with none of the grantable permissions. */
  | "adminBare"
  /** A User with no grants. */
  | "user"
  | `user+${(typeof USER_PERMS)[number]}`
  | "appointee"
  /** The Exams Officer of another centre, acting on centre A's records. */
  | "otherCentre";

export const ACTORS: readonly Actor[] = [
  "anonymous",
  "pendingMfa",
  "board",
  "eo",
  "admin",
  "adminBare",
  "user",
  ...USER_PERMS.map((p) => `user+${p}` as const),
  "appointee",
  "otherCentre",
];

/** Ids of the fixture world. Actors of centre A act on centre A; "otherCentre" is centre B's EO. */
export type Fixtures = {
  prisma: PrismaClient;
  centreA: { id: string; number: string };
  centreB: { id: string; number: string };
  /** The user id of each actor (none for anonymous). */
  userIds: Partial<Record<Actor, string>>;
  /** A series with results (restricted release 2027-08-17T23:00Z, release 2027-08-19T07:00Z). */
  seriesId: string;
  seriesCode: string;
  /** Issue 6: a secure resource and a question paper that centre A (only) has entries for. */
  resources: import("./resources-fixtures").ResourceFixtures;
  /** Issue 6: an entry with a result, and scripts with and without consent, at centre A. */
  postResults: import("./post-results-fixtures").PostResultsFixtures;
  /** A new throwaway account at centre A (for delete/reset/change rows, so rows never share state). */
  newCentreUser(role: "ADMIN" | "USER", options?: { grants?: string[] }): Promise<string>;
};

export type RowContext = { fx: Fixtures; actor: Actor };

export type Row = {
  /**
   * "page /profile" · "page /services/[key]" · "route GET /api/health" ·
   * "action app/(portal)/profile/actions.ts#updateProfileAction" (file path from the project root).
   */
  endpoint: string;
  /** Who gets through. "signedIn" = every fully signed-in actor; "everyone" = public. */
  allow: readonly Actor[] | "signedIn" | "everyone";
  /** What the row checks, in words (shown in failures). */
  rule?: string;
  /** The server's clock for this row (ISO). Default 2027-09-01T09:00:00Z (after results). */
  at?: string;
  /** Dynamic route params. */
  params?: (c: RowContext) => Record<string, string> | Promise<Record<string, string>>;
  searchParams?: (c: RowContext) => Record<string, string> | Promise<Record<string, string>>;
  /** Server actions: the form to post. Default: an empty form (allowed callers then fail validation, which is not a denial). */
  form?: (c: RowContext) => FormData | Promise<FormData>;
  /** Server actions with a signature other than (prevState, formData) or (formData). */
  call?: (fn: (...args: never[]) => unknown, c: RowContext) => Promise<unknown>;
  /** Route handlers: the request. Default: GET/POST to the path with no body. */
  request?: (c: RowContext) => Request | Promise<Request>;
  /**
   * Not executed, with the reason (only for the public sign-in steps, whose callers have no
   * session by definition and are covered by tests/integration/identity.test.ts).
   */
  declaredOnly?: string;
};

export function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}
