import type { Role } from "@/lib/generated/prisma/enums";
import { PERMISSIONS, type Permission } from "./catalogue";

export { PERMISSIONS, isPermission, type Permission } from "./catalogue";

// docs/product-rules.md ("Permissions"), as data. A role ALWAYS has some permissions, MAY be granted others,
// and NEVER has the rest. The database stores only grants; these tables are the rules.
// See docs/decisions/004-permissions-in-code.md.

const CENTRE_ALL: Permission[] = [...PERMISSIONS];

export const ALWAYS = {
  BOARD_STAFF: [],
  EXAMS_OFFICER: CENTRE_ALL,
  ADMIN: ["resources", "entries", "results", "question_papers", "manage_users"],
  USER: ["resources"],
  APPOINTEE: [],
} as const satisfies Record<Role, readonly Permission[]>;

export const GRANTABLE = {
  BOARD_STAFF: [],
  EXAMS_OFFICER: [],
  ADMIN: ["a2c", "iamis", "access_arrangements", "scripts"],
  USER: ["iamis", "access_arrangements", "entries", "results", "scripts"],
  APPOINTEE: [],
} as const satisfies Record<Role, readonly Permission[]>;

/** What an Admin is given at invite unless the inviter unticks it ("Admin (default: all)"). */
export const DEFAULT_GRANTS = {
  BOARD_STAFF: [],
  EXAMS_OFFICER: [],
  ADMIN: GRANTABLE.ADMIN,
  USER: [],
  APPOINTEE: [],
} as const satisfies Record<Role, readonly Permission[]>;

export type Subject = { id: string; role: Role; centreId: string | null; grants: readonly string[] };

export function isAlways(role: Role, permission: Permission): boolean {
  return (ALWAYS[role] as readonly Permission[]).includes(permission);
}

export function isGrantable(role: Role, permission: Permission): boolean {
  return (GRANTABLE[role] as readonly Permission[]).includes(permission);
}

/** The permissions a person holds: always ∪ (grants that the role may be given). */
export function effectivePermissions(role: Role, grants: readonly string[]): Permission[] {
  return PERMISSIONS.filter((p) => isAlways(role, p) || (isGrantable(role, p) && grants.includes(p)));
}

export function hasPermission(subject: Pick<Subject, "role" | "grants">, permission: Permission): boolean {
  return effectivePermissions(subject.role, subject.grants).includes(permission);
}

/** Entries: EO and Admins make entries; Users with the permission only view them. */
export function entriesAccess(subject: Pick<Subject, "role" | "grants">): "make" | "view" | null {
  if (!hasPermission(subject, "entries")) return null;
  return subject.role === "USER" ? "view" : "make";
}

/** Who may invite which role (docs/product-rules.md, "Actors and roles"): board staff invite EOs; EO/Admin invite Admins and Users. */
export function canInviteRole(actor: Role, role: Role): boolean {
  if (actor === "BOARD_STAFF") return role === "EXAMS_OFFICER";
  if (actor === "EXAMS_OFFICER" || actor === "ADMIN") return role === "ADMIN" || role === "USER";
  return false;
}

/** Delete: board staff any centre account; EO/Admin delete Admins and Users of their centre, never themselves. */
export function canDeleteAccount(actor: Subject, target: Subject): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === "BOARD_STAFF") return target.role !== "BOARD_STAFF" && target.role !== "APPOINTEE";
  if (actor.role !== "EXAMS_OFFICER" && actor.role !== "ADMIN") return false;
  return (
    actor.centreId !== null && actor.centreId === target.centreId && (target.role === "ADMIN" || target.role === "USER")
  );
}

/**
 * Whether `actor` may give or take away `permission` on `target`: only grantable permissions,
 * only on accounts they manage, never their own, and — for Admins — only permissions they hold
 * themselves ("nobody grants what they do not hold").
 */
export function canAssign(actor: Subject, target: Subject, permission: Permission): boolean {
  if (actor.id === target.id) return false;
  if (!isGrantable(target.role, permission)) return false;
  if (actor.role === "BOARD_STAFF") return target.role !== "BOARD_STAFF" && target.role !== "APPOINTEE";
  if (actor.role !== "EXAMS_OFFICER" && actor.role !== "ADMIN") return false;
  if (actor.centreId === null || actor.centreId !== target.centreId) return false;
  if (target.role !== "ADMIN" && target.role !== "USER") return false;
  return hasPermission(actor, permission);
}

export const MAX_ADMINS_PER_CENTRE = 3;
