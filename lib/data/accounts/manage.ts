import "server-only";
import { authorize, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import {
  canAssign,
  canDeleteAccount,
  effectivePermissions,
  isGrantable,
  isPermission,
  MAX_ADMINS_PER_CENTRE,
  type Permission,
} from "@/lib/auth/permissions";
import { accountActorOf } from "@/lib/accounts/rules";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { revokeAllSessions } from "@/lib/data/identity/sessions";
import { sendEmail } from "@/lib/email/send";
import { renderEmail } from "@/lib/email/templates";
import { revokeKeysMadeBy } from "@/lib/data/a2c/keys";
import { countAdmins, lockCentre, manageableTarget, noticeRevokedKeys, type RevokedKeys } from "./internal";

const by = (caller: { userId: string; email: string }, ip: string, at: Date) => ({
  actorId: caller.userId,
  actorEmail: caller.email,
  ip,
  at,
});

// Changing an existing centre account: permissions, role, second factor, deletion
// (docs/product-rules.md ("Actors and roles"), ("Permissions")). The centre's EO and Admins act
// within their centre, board staff on any centre's account; nobody on their own. Each change
// commits with its audit row and reaches the account's very next request (sessions read grants live).

/**
 * Set another account's grantable permissions to exactly `wanted`. Each permission that changes
 * must be one the caller may assign; the caller's own account is refused.
 */
export async function setPermissions(userId: string, wanted: string[]): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const who = accountActorOf(caller);
  if (!who) return refuse("forbidden");
  const { actor } = who;
  if (userId === actor.id) return refuse("forbidden", "cannotChangeOwn");
  const { ip } = await requestInfo();
  const revoked: RevokedKeys = [];
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.refusal) return found.refusal;
    const { target, subject } = found;
    // A permission the role can never be given (or no permission at all) is a tampered post.
    if (wanted.some((p) => !isPermission(p) || !isGrantable(target.role, p))) return refuse("forbidden", "cannotGrant");
    const want = new Set(wanted as Permission[]);
    const have = new Set(subject.grants.filter((p): p is Permission => isPermission(p) && isGrantable(target.role, p)));
    const added = [...want].filter((p) => !have.has(p));
    const removed = [...have].filter((p) => !want.has(p));
    if ([...added, ...removed].some((p) => !canAssign(actor, subject, p))) return refuse("forbidden", "cannotGrant");
    if (added.length === 0 && removed.length === 0) return null;
    await tx.permissionGrant.deleteMany({ where: { userId, permission: { in: removed } } });
    await tx.permissionGrant.createMany({
      data: added.map((permission) => ({ userId, permission, grantedById: actor.id })),
    });
    await tx.user.update({ where: { id: userId }, data: { authVersion: { increment: 1 } } });
    if (removed.includes("a2c"))
      revoked.push(
        ...(await revokeKeysMadeBy(tx, { makerId: userId, reason: "makerLostPermission", ...by(caller, ip, at) })),
      );
    await audit(tx, {
      action: "user.permissions-changed",
      outcome: "success",
      actorId: actor.id,
      actorEmail: caller.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip,
      details: { added, removed },
      at,
    });
    return null;
  });
  if (outcome) return outcome;
  await noticeRevokedKeys(revoked, "makerLostPermission");
  return { ok: true };
}

/** Make a User an Admin (when one of the 3 places is free) or an Admin a User. */
export async function setRole(userId: string, role: "ADMIN" | "USER"): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const who = accountActorOf(caller);
  if (!who) return refuse("forbidden");
  const { actor } = who;
  if (userId === actor.id) return refuse("forbidden", "cannotChangeOwn");
  const { ip } = await requestInfo();
  const revoked: RevokedKeys = [];
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.refusal) return found.refusal;
    const { target, subject } = found;
    if (target.role === role) return null;
    if (target.role === "EXAMS_OFFICER") return refuse("forbidden");
    if (role === "ADMIN") {
      await lockCentre(tx, target.centreId!);
      const admins = await countAdmins(tx, target.centreId);
      if (admins >= MAX_ADMINS_PER_CENTRE) return refuse("invalid", "adminLimit");
    }
    // Grants the new role cannot hold go; an Admin made from a User keeps what they had that Admins may be given.
    const keep = subject.grants.filter((p) => isPermission(p) && isGrantable(role, p));
    await tx.permissionGrant.deleteMany({ where: { userId, permission: { notIn: keep } } });
    await tx.user.update({ where: { id: userId }, data: { role, authVersion: { increment: 1 } } });
    if (!effectivePermissions(role, keep).includes("a2c"))
      revoked.push(
        ...(await revokeKeysMadeBy(tx, { makerId: userId, reason: "makerLostPermission", ...by(caller, ip, at) })),
      );
    await audit(tx, {
      action: "user.role-changed",
      outcome: "success",
      actorId: actor.id,
      actorEmail: caller.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip,
      details: { from: target.role, to: role },
      at,
    });
    return null;
  });
  if (outcome) return outcome;
  await noticeRevokedKeys(revoked, "makerLostPermission");
  return { ok: true };
}

/**
 * Delete an account: the centre's EO and Admins delete its Admins and Users (never the EO, never
 * themselves); board staff any centre account. Their sessions end at once. `byBoard`: the caller
 * is board staff.
 */
export async function deleteUser(userId: string): Promise<Result<{ centreId: string; byBoard: boolean }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const who = accountActorOf(caller);
  if (!who) return refuse("forbidden");
  const { actor } = who;
  const { ip } = await requestInfo();
  const revoked: RevokedKeys = [];
  const outcome = await getPrisma().$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { ...who.scope, id: userId } });
    if (!target) return refuse("notFound");
    if (!canDeleteAccount(actor, { id: target.id, role: target.role, centreId: target.centreId, grants: [] }))
      return target.id === actor.id ? refuse("forbidden", "cannotChangeOwn") : refuse("forbidden");
    await revokeAllSessions(tx, userId, at);
    revoked.push(...(await revokeKeysMadeBy(tx, { makerId: userId, reason: "makerDeleted", ...by(caller, ip, at) })));
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, {
      action: "user.deleted",
      outcome: "success",
      actorId: actor.id,
      actorEmail: caller.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip,
      details: { role: target.role },
      at,
    });
    return { centreId: target.centreId! };
  });
  if ("ok" in outcome) return outcome;
  await noticeRevokedKeys(revoked, "makerDeleted");
  return { ok: true, centreId: outcome.centreId, byBoard: caller.role === "BOARD_STAFF" };
}

/** Reset another account's second factor: its sessions end and the next sign-in sets up a new one. */
export async function resetMfa(userId: string): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const who = accountActorOf(caller);
  if (!who) return refuse("forbidden");
  const { ip } = await requestInfo();
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.refusal) return found.refusal;
    await tx.mfaFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    // A passkey on a lost device must stop working too (docs/decisions/018-passkeys.md).
    await tx.passkey.deleteMany({ where: { userId } });
    await revokeAllSessions(tx, userId, at);
    await audit(tx, {
      action: "user.mfa-reset",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: found.target.centreId,
      targetUserId: userId,
      targetEmail: found.target.email,
      ip,
      at,
    });
    return found.target;
  });
  if ("ok" in outcome) return outcome;
  // The reset stands even if the notice cannot be sent: the account is safer, not weaker.
  await sendEmail(
    renderEmail(outcome.email, outcome.language, "mfaReset", { actor: caller.name || caller.email }),
  ).catch(() => {});
  return { ok: true };
}
