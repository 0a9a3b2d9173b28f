import "server-only";
import { cache } from "react";
import { now } from "@/lib/clock";
import type { AppointeeType, Role } from "@/lib/generated/prisma/enums";
import type { PendingStep } from "./steps";
import { effectivePermissions, type Permission } from "./permissions";
import { getSession, requestInfo } from "./session";

export { releaseFor, isReleased, type ReleasedService, type ReleaseTimes } from "./release";
export { requestInfo };

// The authorization kernel (docs/decisions/011-authorization-kernel.md). Every exported
// data-layer function starts with `authorize(...)`: it resolves the caller once per request
// from the live session, reads the clock, and answers with the caller or a refusal of one of
// a small closed set of codes. Pages and actions never pass a session in; they ask the data
// layer, which asks here.

/** Who is asking, as every domain sees them. Built once per request from the Session row. */
export type Caller = Readonly<{
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  appointeeType: AppointeeType | null;
  centreId: string | null;
  /** The caller's centre's number and names (read with the session), null without one. */
  centre: Readonly<{ number: string; nameEn: string; nameCy: string }> | null;
  /** The raw grants stored for the account (what Manage Users shows as ticked). */
  grants: readonly string[];
  /** Always ∪ granted-and-grantable: what the caller may do. */
  permissions: readonly Permission[];
  /** A step still to do (password, second factor) before the caller is fully signed in. */
  pendingStep: PendingStep | null;
  /** When the second factor was last proved in this session. */
  mfaAt: Date | null;
  language: "en" | "cy" | null;
}>;

/** A caller who belongs to a centre. */
export type CentreCaller = Caller & { readonly centreId: string };

/** The closed set of refusals every domain answers with. */
export type ErrorCode =
  | "unauthenticated" // no live session, or a step still pending
  | "forbidden" // signed in, but the role or permission does not allow it
  | "notFound" // no such thing for this caller (another centre's ids answer the same)
  | "invalid" // the input breaks a rule; `reason` names which (a message key)
  | "conflict" // the state changed or forbids it; `reason` names which (a message key)
  | "limited" // too many attempts
  | "unavailable"; // a dependency (email, SMS, file store) failed; nothing was changed

export type Refusal = { readonly ok: false; readonly error: ErrorCode; readonly reason?: string };
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(error: ErrorCode, reason?: string): Refusal {
  return reason ? { ok: false, error, reason } : { ok: false, error };
}

/** The message key of a refusal: its reason when it has one, else its code. */
export function messageKeyOf(refusal: Refusal): string {
  return refusal.reason ?? refusal.error;
}

/** The caller of this request, or null when signed out. Cached for the request. */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const session = await getSession();
  if (!session) return null;
  const { user } = session;
  const grants = user.grants.map((g) => g.permission);
  return {
    sessionId: session.id,
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    appointeeType: user.appointeeType ?? null,
    centreId: user.centreId,
    centre: user.centre ? { number: user.centre.number, nameEn: user.centre.nameEn, nameCy: user.centre.nameCy } : null,
    grants,
    permissions: effectivePermissions(user.role, grants),
    pendingStep: (session.pendingStep as PendingStep | null) ?? null,
    mfaAt: session.mfaAt,
    language: user.language ?? null,
  };
});

export type Rule = {
  /** A permission the caller must hold (effective permissions). */
  permission?: Permission;
  /** Roles allowed; any role when absent. */
  roles?: readonly Role[];
  /** The caller must belong to a centre. */
  centre?: boolean;
  /** Pending steps this call also serves (the onboarding pages); otherwise fully signed in only. */
  steps?: readonly PendingStep[];
};

export type Authorized<C extends Caller = Caller> = { ok: true; caller: C; at: Date };

/** The one check: who is asking, at what time, and may they. */
export async function authorize(rule: Rule & { centre: true }): Promise<Authorized<CentreCaller> | Refusal>;
export async function authorize(rule?: Rule): Promise<Authorized | Refusal>;
export async function authorize(rule: Rule = {}): Promise<Authorized | Refusal> {
  const caller = await getCaller();
  if (!caller) return refuse("unauthenticated");
  if (caller.pendingStep && !rule.steps?.includes(caller.pendingStep)) return refuse("unauthenticated");
  if (rule.roles && !rule.roles.includes(caller.role)) return refuse("forbidden");
  if (rule.centre && !caller.centreId) return refuse("forbidden");
  if (rule.permission && !caller.permissions.includes(rule.permission)) return refuse("forbidden");
  return { ok: true, caller, at: now() };
}

/** Shorthand: a fully signed-in centre account (EO, Admin, User) holding `permission`. */
export function authorizeCentre(permission?: Permission): Promise<Authorized<CentreCaller> | Refusal> {
  return authorize({ roles: CENTRE_ROLES, centre: true, permission });
}

/** Shorthand: fully signed-in board staff. */
export function authorizeBoard(): Promise<Authorized | Refusal> {
  return authorize({ roles: ["BOARD_STAFF"] });
}

export const CENTRE_ROLES: readonly Role[] = ["EXAMS_OFFICER", "ADMIN", "USER"];

/** The where-clause that keeps a query inside the caller's centre (another centre's rows are "not found"). */
export function inCentre<W extends object>(caller: CentreCaller, where?: W): W & { centreId: string } {
  return { ...(where ?? ({} as W)), centreId: caller.centreId };
}

/** Whether the caller holds a permission (for pages asking what to show; the data layer still checks). */
export function holds(caller: Caller | null, permission: Permission): boolean {
  return Boolean(caller && !caller.pendingStep && caller.permissions.includes(permission));
}
