// The authorization matrix: every page, server action and route handler × every kind
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
  /** An examiner. */
  | "appointee"
  /** A moderator (an appointee of the other kind). */
  | "moderator"
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
  "moderator",
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
  /**
   * A new throwaway account at centre A (for delete/reset/change rows, so rows never share state).
   * `invited`: the invite is still open (the temporary password not yet replaced).
   */
  newCentreUser(role: "ADMIN" | "USER", options?: { grants?: string[]; invited?: boolean }): Promise<string>;
  /** A new candidate of centre A (or B), with no entries. */
  newCandidate(centre?: "A" | "B"): Promise<{ id: string; candidateNumber: string; uci: string }>;
  /** A candidate number and a valid UCI no candidate has yet (for forms that create one). */
  candidateValues(): { candidateNumber: string; uci: string };
  /** A new candidate of centre A entered for a specification of the series; the entry's id. */
  newEntry(): Promise<string>;
  /** A new candidate of centre A entered for GCSE Latin (9521) in the series, with a result; the entry's id. */
  newEntryWithResult(): Promise<string>;
  /** A new live A2C key of centre A: its id and the key itself. */
  newA2cKey(): Promise<{ id: string; key: string }>;
  /** A new pending access request (default: entries) of a new User of centre A; its id. */
  newAccessRequest(permission?: string): Promise<string>;
  /** A new centre with no Exams Officer, or with one whose invite is still open; its id. */
  newCentre(options?: { invitedExamsOfficer?: boolean }): Promise<string>;
  /** A new live, fully signed-in session of an actor's account (not the one the actor calls with); its id. */
  newSession(actor: Actor): Promise<string>;
  /**
   * Runs `run` with an email second factor as the actor's active one (every actor's own is an
   * authenticator app, to which no code can be sent), then takes it away again.
   */
  withEmailFactor<T>(actor: Actor, run: () => Promise<T>): Promise<T>;
  /** The session id each signed-in actor calls with. */
  sessionIds: Partial<Record<Actor, string>>;
};

/** One call: the fixture world, who calls, and the server's clock of the row. */
export type RowContext = { fx: Fixtures; actor: Actor; at: Date };

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
  /**
   * Server actions: the form to post. It must be a valid one: every allowed caller has to reach the
   * action's success path (`ok: true`, a `done`, or a redirect to a page they may see); a form or
   * field error fails the row. Default: an empty form (for actions that read none).
   */
  form?: (c: RowContext) => FormData | Promise<FormData>;
  /**
   * Server actions with a signature other than (prevState, formData) or (formData), or that answer
   * nothing (the call then reads back from the database whether the change was made).
   */
  call?: (fn: (...args: never[]) => unknown, c: RowContext) => Promise<unknown>;
  /** Route handlers: the request. Default: GET/POST to the path with no body. */
  request?: (c: RowContext) => Request | Promise<Request>;
  /**
   * Endpoints whose success is not `ok: true`, a `done`, a redirect to a page the caller may see, a
   * 2xx or a rendered page (a preview step, a sign-in step that moves on): how it is recognised,
   * and why. Refusals, form and field errors and rate limits are still read as such first.
   */
  success?: { because: string; test: (value: unknown) => boolean };
  /**
   * An allowed caller who cannot reach the success path in the matrix world: what they get
   * instead (matched against the printed outcome, e.g. "formError …"), and why. Use sparingly:
   * it is still a failure if they get anything else.
   */
  expectForAllowed?: { reason: string; actors?: readonly Actor[]; outcome: string | RegExp };
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
