import type { Role } from "@/lib/generated/prisma/enums";
import {
  ALWAYS,
  canAssign,
  canDeleteAccount,
  effectivePermissions,
  GRANTABLE,
  MAX_ADMINS_PER_CENTRE,
  type Permission,
  type Subject,
} from "@/lib/auth/permissions";
import { accountStatus, type StatusInput } from "./status";

// Who may do what to a centre account (docs/product-rules.md ("Actors and roles"),
// ("Permissions")). Pure: the data layer (lib/data/accounts) asks these and hands pages the
// answers as `can` fields, so no page restates them.

/** The fields of a caller the rules read (lib/auth/authorize.ts's Caller fits). */
export type CallerLike = { userId: string; role: Role; centreId: string | null; grants: readonly string[] };

export function subjectOf(caller: CallerLike): Subject {
  return { id: caller.userId, role: caller.role, centreId: caller.centreId, grants: caller.grants };
}

/** Which accounts an actor may act on: one centre's, or any centre's (never board staff or appointees). */
export type AccountScope = { centreId: string } | { centreId: { not: null } };
export type AccountActor = { actor: Subject; scope: AccountScope };

/**
 * Who may act on one existing account: the centre's EO and Admins (manage_users) within their
 * centre, and board staff on any centre's account (they may delete any centre account and assign
 * any permission). `scope` is the where-clause every lookup of the target account uses.
 */
export function accountActorOf(caller: CallerLike): AccountActor | null {
  const actor = subjectOf(caller);
  if (actor.role === "BOARD_STAFF") return { actor, scope: { centreId: { not: null } } };
  const manages = effectivePermissions(actor.role, actor.grants).includes("manage_users");
  return actor.centreId && manages ? { actor, scope: { centreId: actor.centreId } } : null;
}

/** Whose account the actor may change: Admins and Users, and for board staff the EO too; never their own. */
export function isManageableBy(actor: Subject, target: { id: string; role: Role }): boolean {
  if (target.id === actor.id) return false;
  return (
    target.role === "ADMIN" ||
    target.role === "USER" ||
    (actor.role === "BOARD_STAFF" && target.role === "EXAMS_OFFICER")
  );
}

export type SummaryInput = StatusInput & {
  id: string;
  email: string;
  title: string;
  name: string;
  jobRole: string;
  role: Role;
  lastSignInAt: Date | null;
  grants: readonly { permission: string }[];
};

/** What Manage Users shows of one account, with what the actor may do to it from the list. */
export function accountSummary(u: SummaryInput, actor: Subject, now: Date) {
  const grants = u.grants.map((g) => g.permission);
  const manage = isManageableBy(actor, u);
  return {
    id: u.id,
    email: u.email,
    title: u.title,
    name: u.name,
    jobRole: u.jobRole,
    role: u.role,
    grants,
    permissions: effectivePermissions(u.role, grants),
    status: accountStatus(u, now),
    lastSignInAt: u.lastSignInAt,
    inviteExpiresAt: u.invites[0]?.expiresAt ?? null,
    isSelf: u.id === actor.id,
    can: { manage, resendInvite: manage && u.mustChangePassword },
  };
}

/** What the actor may do to one account, for the account page. */
export function accountAbilities(
  actor: Subject,
  target: Subject & { mustChangePassword: boolean; hasSecondFactor: boolean },
  adminCount: number,
) {
  const manage = isManageableBy(actor, target);
  const changeRole = manage && (target.role === "ADMIN" || target.role === "USER");
  return {
    /** The account is one the actor may change at all. */
    manage,
    changePermissions: manage && GRANTABLE[target.role].length > 0,
    changeRole,
    makeAdmin: changeRole && target.role === "USER" && adminCount < MAX_ADMINS_PER_CENTRE,
    makeUser: changeRole && target.role === "ADMIN",
    resendInvite: manage && target.mustChangePassword,
    withdrawInvite: manage && target.mustChangePassword,
    resetMfa: manage && target.hasSecondFactor,
    delete: canDeleteAccount(actor, target),
  };
}

/** Each grantable permission of the target's role: whether it is held and whether the actor may change it. */
export function assignablePermissions(actor: Subject, target: Subject) {
  return (GRANTABLE[target.role] as readonly Permission[]).map((permission) => ({
    permission,
    held: target.grants.includes(permission),
    canChange: canAssign(actor, target, permission),
  }));
}

/** The permissions a role always has (shown, never changed). */
export function alwaysPermissions(role: Role): Permission[] {
  return [...ALWAYS[role]];
}

/** Admin places left at a centre (pending invites count). */
export function adminPlacesLeft(adminCount: number): number {
  return Math.max(0, MAX_ADMINS_PER_CENTRE - adminCount);
}
