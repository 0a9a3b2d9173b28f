import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashSecret } from "@/lib/auth/password";
import { temporaryPassword } from "@/lib/auth/codes";
import {
  canAssign,
  canDeleteAccount,
  canInviteRole,
  DEFAULT_GRANTS,
  effectivePermissions,
  GRANTABLE,
  hasPermission,
  isGrantable,
  MAX_ADMINS_PER_CENTRE,
  type Permission,
  type Subject,
} from "@/lib/auth/permissions";
import { isPermission } from "@/lib/auth/catalogue";
import { audit } from "@/lib/data/audit";
import { revokeAllSessions, type LiveSession, type RequestInfo } from "@/lib/data/identity/sessions";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { renderEmail } from "@/lib/email/templates";
import { addMonths } from "@/lib/time";
import { normaliseEmail } from "@/lib/data/identity/sign-in";

// Manage Users (issue 4; PRODUCT.md §Actors and §Permissions). The trusted check: every function
// resolves the actor from the live session, applies the rules in lib/auth/permissions.ts, and
// scopes by the actor's centre, so another centre's account is "not found". Changes commit with
// their audit row in one transaction; an email that cannot be sent undoes the change.

type Tx = Prisma.TransactionClient;

export type ManageError =
  | "forbidden"
  | "notFound"
  | "emailTaken"
  | "adminLimit"
  | "cannotChangeOwn"
  | "cannotGrant"
  | "notInvited"
  | "deliveryFailed"
  | "alreadyRequested"
  | "alreadyHeld"
  | "alreadyDecided";

export type ManageResult<T = object> = ({ ok: true } & T) | { ok: false; error: ManageError };

export type AccountStatus = "active" | "invited" | "inviteExpired" | "locked";

export const INVITE_MONTHS = 2;

export function subjectOf(session: LiveSession): Subject {
  return {
    id: session.userId,
    role: session.user.role,
    centreId: session.user.centreId,
    grants: session.user.grants.map((g) => g.permission),
  };
}

/** EO and Admins manage their centre's accounts (the manage_users permission). */
function managerOf(session: LiveSession): (Subject & { centreId: string }) | null {
  const actor = subjectOf(session);
  if (!actor.centreId || !hasPermission(actor, "manage_users")) return null;
  return actor as Subject & { centreId: string };
}

/**
 * Who may act on one existing account: the centre's EO and Admins within their centre, and
 * board staff on any centre's account (PRODUCT.md: board staff may delete any centre account
 * and assign any permission). `scope` is the where-clause every lookup of the target uses.
 */
type AccountActor = { actor: Subject; scope: Prisma.UserWhereInput };
function accountActorOf(session: LiveSession): AccountActor | null {
  const actor = subjectOf(session);
  if (actor.role === "BOARD_STAFF") return { actor, scope: { centreId: { not: null } } };
  const manager = managerOf(session);
  return manager ? { actor: manager, scope: { centreId: manager.centreId } } : null;
}

type StatusInput = {
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  invites: { expiresAt: Date; acceptedAt: Date | null; withdrawnAt: Date | null }[];
};

/** An account's status as Manage Users shows it. */
export function accountStatus(user: StatusInput, now: Date): AccountStatus {
  if (user.mustChangePassword) {
    const invite = user.invites[0];
    const live = invite && !invite.acceptedAt && !invite.withdrawnAt && invite.expiresAt > now;
    return live ? "invited" : "inviteExpired";
  }
  if (user.lockedUntil && user.lockedUntil > now) return "locked";
  return "active";
}

type SummaryInput = StatusInput & {
  id: string;
  email: string;
  title: string;
  name: string;
  jobRole: string;
  role: Role;
  lastSignInAt: Date | null;
  grants: { permission: string }[];
  invites: { expiresAt: Date; acceptedAt: Date | null; withdrawnAt: Date | null }[];
};

/** What Manage Users shows of one account. */
function accountSummary(u: SummaryInput, actorId: string, now: Date) {
  const grants = u.grants.map((g) => g.permission);
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
    isSelf: u.id === actorId,
  };
}

/** Admin accounts of a centre, pending invites included (the cap of 3 counts them). */
function countAdmins(db: Pick<Tx, "user">, centreId: string | null) {
  return db.user.count({ where: { centreId, role: "ADMIN" } });
}

/** Whose account the actor may change: Admins and Users, and for board staff the EO too; never their own. */
function isManageableBy(actor: Subject, target: { id: string; role: Role }): boolean {
  if (target.id === actor.id) return false;
  return (
    target.role === "ADMIN" ||
    target.role === "USER" ||
    (actor.role === "BOARD_STAFF" && target.role === "EXAMS_OFFICER")
  );
}

export type UserFilter = {
  q?: string;
  role?: "EXAMS_OFFICER" | "ADMIN" | "USER";
  status?: AccountStatus;
  permission?: Permission;
};

export async function listCentreUsers(session: LiveSession, filter: UserFilter, now: Date) {
  const actor = managerOf(session);
  if (!actor) return null;
  const q = filter.q?.trim();
  const users = await getPrisma().user.findMany({
    where: {
      centreId: actor.centreId,
      ...(filter.role ? { role: filter.role } : {}),
      ...(q
        ? {
            OR: [
              { email: { contains: q, mode: "insensitive" } },
              { name: { contains: q, mode: "insensitive" } },
              { jobRole: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    include: { grants: { select: { permission: true } }, invites: { orderBy: { createdAt: "desc" }, take: 1 } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users
    .map((u) => accountSummary(u, actor.id, now))
    .filter(
      (u) =>
        (!filter.status || u.status === filter.status) &&
        (!filter.permission || u.permissions.includes(filter.permission)),
    );
}

export type CentreUser = NonNullable<Awaited<ReturnType<typeof listCentreUsers>>>[number];

/** One account of the actor's centre, with what the actor may do to it. */
export async function getCentreUser(session: LiveSession, userId: string, now: Date) {
  const who = accountActorOf(session);
  if (!who) return null;
  const { actor } = who;
  const u = await getPrisma().user.findFirst({
    where: { ...who.scope, id: userId },
    include: {
      grants: { select: { permission: true } },
      invites: { orderBy: { createdAt: "desc" }, take: 1 },
      mfaFactors: { where: { active: true }, select: { method: true } },
    },
  });
  if (!u) return null;
  const summary = accountSummary(u, actor.id, now);
  const grants = summary.grants;
  const target: Subject = { id: u.id, role: u.role, centreId: u.centreId, grants };
  const adminCount = await countAdmins(getPrisma(), u.centreId);
  const manageable = isManageableBy(actor, u);
  return {
    ...summary,
    centreId: u.centreId,
    mfaMethod: u.mfaFactors[0]?.method ?? null,
    /** Each grantable permission of the target's role, and whether the actor may change it. */
    assignable: GRANTABLE[u.role].map((p) => ({
      permission: p as Permission,
      held: grants.includes(p),
      canChange: canAssign(actor, target, p as Permission),
    })),
    can: {
      delete: canDeleteAccount(actor, target),
      resetMfa: manageable && u.mfaFactors.length > 0,
      makeAdmin: manageable && u.role === "USER" && adminCount < MAX_ADMINS_PER_CENTRE,
      makeUser: manageable && u.role === "ADMIN",
      resendInvite: manageable && u.mustChangePassword,
    },
    adminPlacesLeft: Math.max(0, MAX_ADMINS_PER_CENTRE - adminCount),
  };
}

/** The permissions the actor may tick when inviting `role` ("nobody grants what they do not hold"). */
export function invitablePermissions(
  session: LiveSession,
  role: "ADMIN" | "USER",
): { permission: Permission; byDefault: boolean }[] {
  const actor = managerOf(session);
  if (!actor) return [];
  const newcomer: Subject = { id: "", role, centreId: actor.centreId, grants: [] };
  return (GRANTABLE[role] as readonly Permission[])
    .filter((p) => canAssign(actor, newcomer, p))
    .map((p) => ({ permission: p, byDefault: (DEFAULT_GRANTS[role] as readonly string[]).includes(p) }));
}

export async function adminPlacesLeft(session: LiveSession): Promise<number> {
  const actor = managerOf(session);
  if (!actor) return 0;
  const count = await countAdmins(getPrisma(), actor.centreId);
  return Math.max(0, MAX_ADMINS_PER_CENTRE - count);
}

/** Serialises Admin-cap decisions per centre: the second of two racing invites waits, then counts. */
async function lockCentre(tx: Tx, centreId: string) {
  await tx.$queryRaw`SELECT id FROM "Centre" WHERE id = ${centreId} FOR UPDATE`;
}

function formatDate(at: Date) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(at);
}

function portalUrl() {
  return process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
}

export type InviteInput = {
  email: string;
  title: string;
  name: string;
  jobRole: string;
  role: Role;
  permissions: string[];
};

type NewAccount = {
  email: string;
  title: string;
  name: string;
  jobRole: string;
  role: Role;
  centreId: string;
  grants: Permission[];
};

/** Creates the account with its invite inside `tx`; returns what the emails need. */
async function createInvitedAccount(
  tx: Tx,
  account: NewAccount,
  inviter: { id: string; email: string },
  request: RequestInfo,
  now: Date,
) {
  const password = temporaryPassword();
  const user = await tx.user.create({
    data: {
      email: account.email,
      title: account.title,
      name: account.name,
      jobRole: account.jobRole,
      role: account.role,
      centreId: account.centreId,
      passwordHash: await hashSecret(password),
      mustChangePassword: true,
      grants: { create: account.grants.map((permission) => ({ permission, grantedById: inviter.id })) },
    },
  });
  const invite = await tx.invite.create({
    data: { userId: user.id, invitedById: inviter.id, expiresAt: addMonths(now, INVITE_MONTHS), createdAt: now },
  });
  await audit(tx, {
    action: "user.invited",
    outcome: "success",
    actorId: inviter.id,
    actorEmail: inviter.email,
    centreId: account.centreId,
    targetUserId: user.id,
    targetEmail: user.email,
    ip: request.ip,
    details: { role: account.role, permissions: account.grants },
    at: now,
  });
  return { user, password, expiresAt: invite.expiresAt };
}

async function sendInviteEmails(
  account: { id: string; email: string; name: string; role: Role; centreId: string },
  password: string,
  expiresAt: Date,
  inviter: { id: string; name: string; email: string },
  notifyManagers: boolean,
) {
  const db = getPrisma();
  const centre = await db.centre.findUniqueOrThrow({ where: { id: account.centreId } });
  const centreName = `${centre.number} ${centre.nameEn}`;
  await sendEmail(
    renderEmail(account.email, null, "invite", {
      inviter: inviter.name || inviter.email,
      centre: centreName,
      url: `${portalUrl()}/sign-in`,
      email: account.email,
      password,
      expires: formatDate(expiresAt),
    }),
  );
  if (!notifyManagers) return;
  // "The EO and Admins are emailed when an account is added to their centre." Best effort: the
  // account exists and its invite went out; a failed notice is not a reason to undo that.
  const managers = await db.user.findMany({
    where: {
      centreId: account.centreId,
      role: { in: ["EXAMS_OFFICER", "ADMIN"] },
      mustChangePassword: false,
      id: { notIn: [account.id, inviter.id] },
    },
  });
  for (const manager of managers) {
    const roleName = {
      EXAMS_OFFICER: "Exams Officer",
      ADMIN: "Admin",
      USER: "User",
      BOARD_STAFF: "Board staff",
      APPOINTEE: "Appointee",
    }[account.role];
    await sendEmail(
      renderEmail(manager.email, manager.language, "accountAdded", {
        inviter: inviter.name || inviter.email,
        name: account.name,
        email: account.email,
        centre: centreName,
        role: roleName,
      }),
    ).catch(() => {});
  }
}

/** Invite an Admin or User to the actor's centre. */
export async function inviteUser(
  session: LiveSession,
  input: InviteInput,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult<{ userId: string }>> {
  const actor = managerOf(session);
  if (!actor || !canInviteRole(actor.role, input.role)) return { ok: false, error: "forbidden" };
  const role = input.role as "ADMIN" | "USER";
  const newcomer: Subject = { id: "", role, centreId: actor.centreId, grants: [] };
  const grants: Permission[] = [];
  for (const p of new Set(input.permissions)) {
    if (!isPermission(p) || !isGrantable(role, p)) continue; // "always" permissions need no grant
    if (!canAssign(actor, newcomer, p)) return { ok: false, error: "cannotGrant" };
    grants.push(p);
  }
  const email = normaliseEmail(input.email);
  const db = getPrisma();
  let created: Awaited<ReturnType<typeof createInvitedAccount>>;
  try {
    const outcome = await db.$transaction(async (tx) => {
      if (role === "ADMIN") {
        await lockCentre(tx, actor.centreId);
        const admins = await countAdmins(tx, actor.centreId);
        if (admins >= MAX_ADMINS_PER_CENTRE) return "adminLimit" as const;
      }
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return "emailTaken" as const;
      return createInvitedAccount(
        tx,
        { email, title: input.title, name: input.name, jobRole: input.jobRole, role, centreId: actor.centreId, grants },
        { id: actor.id, email: session.user.email },
        request,
        now,
      );
    });
    if (typeof outcome === "string") return { ok: false, error: outcome };
    created = outcome;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "emailTaken" };
    throw error;
  }
  try {
    await sendInviteEmails(
      { ...created.user, role, centreId: actor.centreId },
      created.password,
      created.expiresAt,
      { id: actor.id, name: session.user.name, email: session.user.email },
      true,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    // Nothing half-written: an invite nobody received is undone.
    await db.$transaction(async (tx) => {
      await tx.user.delete({ where: { id: created.user.id } });
      await audit(tx, {
        action: "user.invite-undone",
        outcome: "failure",
        actorId: actor.id,
        actorEmail: session.user.email,
        centreId: actor.centreId,
        targetEmail: email,
        ip: request.ip,
        details: { reason: "delivery-failed" },
        at: now,
      });
    });
    return { ok: false, error: "deliveryFailed" };
  }
  return { ok: true, userId: created.user.id };
}

/** A manageable account of the actor's centre (an Admin or User, never the actor), or an error. */
type TargetUser = Prisma.UserGetPayload<{ include: { grants: { select: { permission: true } } } }>;
type Manageable =
  { error: "notFound" | "cannotChangeOwn" | "forbidden" } | { error: null; target: TargetUser; subject: Subject };

async function manageableTarget(tx: Tx, { actor, scope }: AccountActor, userId: string): Promise<Manageable> {
  const target = await tx.user.findFirst({
    where: { ...scope, id: userId },
    include: { grants: { select: { permission: true } } },
  });
  if (!target) return { error: "notFound" };
  if (target.id === actor.id) return { error: "cannotChangeOwn" };
  if (!isManageableBy(actor, target)) return { error: "forbidden" };
  return {
    error: null,
    target,
    subject: {
      id: target.id,
      role: target.role,
      centreId: target.centreId,
      grants: target.grants.map((g) => g.permission),
    } satisfies Subject,
  };
}

/** Re-send an invite: a new temporary password and a new two-month expiry; the old one stops working. */
export async function resendInvite(
  session: LiveSession,
  userId: string,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult> {
  const who = accountActorOf(session);
  if (!who) return { ok: false, error: "forbidden" };
  const { actor } = who;
  const db = getPrisma();
  const password = temporaryPassword();
  const passwordHash = await hashSecret(password);
  const outcome = await db.$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.error) return found.error;
    if (!found.target.mustChangePassword) return "notInvited" as const;
    const previous = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    await tx.invite.updateMany({ where: { userId, withdrawnAt: null, acceptedAt: null }, data: { withdrawnAt: now } });
    const invite = await tx.invite.create({
      data: { userId, invitedById: actor.id, expiresAt: addMonths(now, INVITE_MONTHS), createdAt: now },
    });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, failedSignIns: 0, lockedUntil: null } });
    await audit(tx, {
      action: "user.invite-resent",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: found.target.centreId,
      targetUserId: userId,
      targetEmail: found.target.email,
      ip: request.ip,
      at: now,
    });
    return {
      target: found.target,
      expiresAt: invite.expiresAt,
      inviteId: invite.id,
      previousHash: previous.passwordHash,
    };
  });
  if (typeof outcome === "string") return { ok: false, error: outcome };
  try {
    await sendInviteEmails(
      { ...outcome.target, centreId: outcome.target.centreId! },
      password,
      outcome.expiresAt,
      { id: actor.id, name: session.user.name, email: session.user.email },
      false,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    // Undo: the new invite goes, the previous password comes back (its invite stays withdrawn).
    await db.$transaction(async (tx) => {
      await tx.invite.delete({ where: { id: outcome.inviteId } });
      await tx.user.update({ where: { id: userId }, data: { passwordHash: outcome.previousHash } });
    });
    return { ok: false, error: "deliveryFailed" };
  }
  return { ok: true };
}

/** Withdraw an invite nobody has completed: the account is removed. */
export async function withdrawInvite(
  session: LiveSession,
  userId: string,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult<{ centreId: string }>> {
  const who = accountActorOf(session);
  if (!who) return { ok: false, error: "forbidden" };
  const { actor } = who;
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.error) return found.error;
    if (!found.target.mustChangePassword) return "notInvited" as const;
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, {
      action: "user.invite-withdrawn",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: found.target.centreId,
      targetUserId: userId,
      targetEmail: found.target.email,
      ip: request.ip,
      at: now,
    });
    return { centreId: found.target.centreId! };
  });
  return typeof outcome === "string" ? { ok: false, error: outcome } : { ok: true, centreId: outcome.centreId };
}

/**
 * Set another account's grantable permissions to exactly `wanted`. Each permission that changes
 * must be one the actor may assign; the actor's own account is refused. Takes effect on the
 * affected user's next request (their session reads grants live).
 */
export async function setPermissions(
  session: LiveSession,
  userId: string,
  wanted: string[],
  request: RequestInfo,
  now: Date,
): Promise<ManageResult> {
  const who = accountActorOf(session);
  if (!who) return { ok: false, error: "forbidden" };
  const { actor } = who;
  if (userId === actor.id) return { ok: false, error: "cannotChangeOwn" };
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.error) return found.error;
    const { target, subject } = found;
    // A permission the role can never be given (or no permission at all) is a tampered post.
    if (wanted.some((p) => !isPermission(p) || !isGrantable(target.role, p))) return "cannotGrant" as const;
    const want = new Set(wanted as Permission[]);
    const have = new Set(subject.grants.filter((p): p is Permission => isPermission(p) && isGrantable(target.role, p)));
    const added = [...want].filter((p) => !have.has(p));
    const removed = [...have].filter((p) => !want.has(p));
    if ([...added, ...removed].some((p) => !canAssign(actor, subject, p))) return "cannotGrant" as const;
    if (added.length === 0 && removed.length === 0) return null;
    await tx.permissionGrant.deleteMany({ where: { userId, permission: { in: removed } } });
    await tx.permissionGrant.createMany({
      data: added.map((permission) => ({ userId, permission, grantedById: actor.id })),
    });
    await tx.user.update({ where: { id: userId }, data: { authVersion: { increment: 1 } } });
    await audit(tx, {
      action: "user.permissions-changed",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip: request.ip,
      details: { added, removed },
      at: now,
    });
    return null;
  });
  return outcome ? { ok: false, error: outcome } : { ok: true };
}

/** Make a User an Admin (when one of the 3 places is free) or an Admin a User. */
export async function setRole(
  session: LiveSession,
  userId: string,
  role: "ADMIN" | "USER",
  request: RequestInfo,
  now: Date,
): Promise<ManageResult> {
  const who = accountActorOf(session);
  if (!who) return { ok: false, error: "forbidden" };
  const { actor } = who;
  if (userId === actor.id) return { ok: false, error: "cannotChangeOwn" };
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.error) return found.error;
    const { target, subject } = found;
    if (target.role === role || target.role === "EXAMS_OFFICER")
      return target.role === role ? null : ("forbidden" as const);
    if (role === "ADMIN") {
      await lockCentre(tx, target.centreId!);
      const admins = await countAdmins(tx, target.centreId);
      if (admins >= MAX_ADMINS_PER_CENTRE) return "adminLimit" as const;
    }
    // Grants the new role cannot hold go; an Admin made from a User keeps what they had that Admins may be given.
    const keep = subject.grants.filter((p) => isPermission(p) && isGrantable(role, p));
    await tx.permissionGrant.deleteMany({ where: { userId, permission: { notIn: keep } } });
    await tx.user.update({ where: { id: userId }, data: { role, authVersion: { increment: 1 } } });
    await audit(tx, {
      action: "user.role-changed",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip: request.ip,
      details: { from: target.role, to: role },
      at: now,
    });
    return null;
  });
  return outcome ? { ok: false, error: outcome } : { ok: true };
}

/** Delete an Admin or User (never the EO, never oneself). Their sessions end at once. */
export async function deleteUser(
  session: LiveSession,
  userId: string,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult<{ centreId: string }>> {
  const who = accountActorOf(session);
  if (!who) return { ok: false, error: "forbidden" };
  const { actor } = who;
  const outcome = await getPrisma().$transaction(async (tx) => {
    const target = await tx.user.findFirst({
      where: { ...who.scope, id: userId },
      include: { grants: { select: { permission: true } } },
    });
    if (!target) return "notFound" as const;
    if (!canDeleteAccount(actor, { id: target.id, role: target.role, centreId: target.centreId, grants: [] }))
      return target.id === actor.id ? ("cannotChangeOwn" as const) : ("forbidden" as const);
    await revokeAllSessions(tx, userId, now);
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, {
      action: "user.deleted",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip: request.ip,
      details: { role: target.role },
      at: now,
    });
    return { centreId: target.centreId! };
  });
  return typeof outcome === "string" ? { ok: false, error: outcome } : { ok: true, centreId: outcome.centreId };
}

/** Reset another account's second factor: the next sign-in sets up a new one. */
export async function resetMfa(
  session: LiveSession,
  userId: string,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult> {
  const who = accountActorOf(session);
  if (!who) return { ok: false, error: "forbidden" };
  const { actor } = who;
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.error) return found.error;
    await tx.mfaFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await revokeAllSessions(tx, userId, now);
    await audit(tx, {
      action: "user.mfa-reset",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: found.target.centreId,
      targetUserId: userId,
      targetEmail: found.target.email,
      ip: request.ip,
      at: now,
    });
    return found.target;
  });
  if (typeof outcome === "string") return { ok: false, error: outcome };
  // The reset stands even if the notice cannot be sent: the account is safer, not weaker.
  await sendEmail(
    renderEmail(outcome.email, outcome.language, "mfaReset", { actor: session.user.name || session.user.email }),
  ).catch(() => {});
  return { ok: true };
}

// ───────────── Access requests ─────────────

/** What the signed-in account may ask for: grantable to its role, not yet held, not already pending. */
export async function requestablePermissions(session: LiveSession) {
  const subject = subjectOf(session);
  if (!subject.centreId || (subject.role !== "USER" && subject.role !== "ADMIN"))
    return { requestable: [] as Permission[], pending: [] as { id: string; permission: string; createdAt: Date }[] };
  const pending = await getPrisma().accessRequest.findMany({
    where: { userId: subject.id, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, permission: true, createdAt: true },
  });
  const requestable = (GRANTABLE[subject.role] as readonly Permission[]).filter(
    (p) => !hasPermission(subject, p) && !pending.some((r) => r.permission === p),
  );
  return { requestable, pending };
}

export async function requestAccess(
  session: LiveSession,
  permission: string,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult> {
  const subject = subjectOf(session);
  if (
    !subject.centreId ||
    (subject.role !== "USER" && subject.role !== "ADMIN") ||
    !isPermission(permission) ||
    !isGrantable(subject.role, permission)
  )
    return { ok: false, error: "forbidden" };
  if (hasPermission(subject, permission)) return { ok: false, error: "alreadyHeld" };
  const centreId = subject.centreId;
  const outcome = await getPrisma().$transaction(async (tx) => {
    const open = await tx.accessRequest.findFirst({ where: { userId: subject.id, permission, status: "PENDING" } });
    if (open) return "alreadyRequested" as const;
    await tx.accessRequest.create({ data: { userId: subject.id, centreId, permission, createdAt: now } });
    await audit(tx, {
      action: "access.requested",
      outcome: "success",
      actorId: subject.id,
      actorEmail: session.user.email,
      centreId,
      ip: request.ip,
      details: { permission },
      at: now,
    });
    return null;
  });
  return outcome ? { ok: false, error: outcome } : { ok: true };
}

export async function pendingAccessRequests(session: LiveSession) {
  const actor = managerOf(session);
  if (!actor) return [];
  const requests = await getPrisma().accessRequest.findMany({
    where: { centreId: actor.centreId, status: "PENDING" },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          centreId: true,
          grants: { select: { permission: true } },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return requests.map((r) => ({
    id: r.id,
    permission: r.permission,
    createdAt: r.createdAt,
    user: { id: r.user.id, name: r.user.name, email: r.user.email },
    canDecide:
      isPermission(r.permission) &&
      canAssign(
        actor,
        { id: r.user.id, role: r.user.role, centreId: r.user.centreId, grants: r.user.grants.map((g) => g.permission) },
        r.permission,
      ),
  }));
}

/** Approve (grant the permission) or refuse a pending request of the actor's centre. */
export async function decideAccessRequest(
  session: LiveSession,
  requestId: string,
  approve: boolean,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult> {
  const actor = managerOf(session);
  if (!actor) return { ok: false, error: "forbidden" };
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await tx.accessRequest.findFirst({
      where: { id: requestId, centreId: actor.centreId },
      include: { user: { include: { grants: { select: { permission: true } } } } },
    });
    if (!found) return "notFound" as const;
    if (found.status !== "PENDING") return "alreadyDecided" as const;
    const target: Subject = {
      id: found.user.id,
      role: found.user.role,
      centreId: found.user.centreId,
      grants: found.user.grants.map((g) => g.permission),
    };
    if (!isPermission(found.permission) || !canAssign(actor, target, found.permission)) return "cannotGrant" as const;
    const claimed = await tx.accessRequest.updateMany({
      where: { id: requestId, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "REFUSED", decidedById: actor.id, decidedAt: now },
    });
    if (claimed.count !== 1) return "alreadyDecided" as const;
    if (approve) {
      await tx.permissionGrant.upsert({
        where: { userId_permission: { userId: target.id, permission: found.permission } },
        create: { userId: target.id, permission: found.permission, grantedById: actor.id },
        update: {},
      });
      await tx.user.update({ where: { id: target.id }, data: { authVersion: { increment: 1 } } });
    }
    await audit(tx, {
      action: approve ? "access.approved" : "access.refused",
      outcome: "success",
      actorId: actor.id,
      actorEmail: session.user.email,
      centreId: actor.centreId,
      targetUserId: target.id,
      targetEmail: found.user.email,
      ip: request.ip,
      details: { permission: found.permission },
      at: now,
    });
    return null;
  });
  return outcome ? { ok: false, error: outcome } : { ok: true };
}

// ───────────── Centre activity ─────────────

export const ACTIVITY_PAGE_SIZE = 50;
/** The account-administration events the centre activity page shows. */
export const ACTIVITY_PREFIXES = ["user.", "access.", "centre.", "a2c.key.", "account."] as const;

/** The centre's account-administration trail, newest first (EO and Admins). */
export async function centreActivity(session: LiveSession, page: number) {
  const actor = managerOf(session);
  if (!actor) return null;
  const db = getPrisma();
  const where = {
    centreId: actor.centreId,
    OR: ACTIVITY_PREFIXES.map((prefix) => ({ action: { startsWith: prefix } })),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: Math.max(0, page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      outcome: e.outcome,
      actorEmail: e.actorEmail,
      targetEmail: e.targetEmail,
      details: e.details,
    })),
  };
}

export { createInvitedAccount, sendInviteEmails, lockCentre };
