import "server-only";
import { authorize, authorizeCentre, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { canAssign, GRANTABLE, isGrantable, isPermission, type Permission, type Subject } from "@/lib/auth/permissions";
import { subjectOf } from "@/lib/accounts/rules";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";

// Access requests (docs/product-rules.md ("Permissions")): a centre's Users and Admins ask for a
// permission their role may be given; the centre's EO and Admins decide, and nobody grants what
// they do not hold.

const ASKING_ROLES = ["USER", "ADMIN"] as const;

/**
 * What the caller may ask for: grantable to their role, not yet held, not already pending. Every
 * signed-in account may ask the question; only a centre's Users and Admins can ask (`canAsk`).
 */
export async function requestablePermissions() {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller } = auth;
  if (!caller.centreId || (caller.role !== "USER" && caller.role !== "ADMIN"))
    return {
      ok: true as const,
      canAsk: false,
      requestable: [] as Permission[],
      pending: [] as { id: string; permission: string; createdAt: Date }[],
    };
  const pending = await getPrisma().accessRequest.findMany({
    where: { userId: caller.userId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, permission: true, createdAt: true },
  });
  const requestable = (GRANTABLE[caller.role] as readonly Permission[]).filter(
    (p) => !caller.permissions.includes(p) && !pending.some((r) => r.permission === p),
  );
  return { ok: true as const, canAsk: true, requestable, pending };
}

/** Ask the centre for a permission. */
export async function requestAccess(permission: string): Promise<Result> {
  const auth = await authorize({ roles: ASKING_ROLES, centre: true });
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!isPermission(permission) || !isGrantable(caller.role, permission)) return refuse("forbidden");
  if (caller.permissions.includes(permission)) return refuse("conflict", "alreadyHeld");
  const { ip } = await requestInfo();
  const outcome = await getPrisma().$transaction(async (tx) => {
    const open = await tx.accessRequest.findFirst({ where: { userId: caller.userId, permission, status: "PENDING" } });
    if (open) return refuse("conflict", "alreadyRequested");
    await tx.accessRequest.create({
      data: { userId: caller.userId, centreId: caller.centreId, permission, createdAt: at },
    });
    await audit(tx, {
      action: "access.requested",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip,
      details: { permission },
      at,
    });
    return null;
  });
  return outcome ?? { ok: true };
}

/** The centre's pending requests, each with whether the caller may decide it. EO and Admins. */
export async function pendingAccessRequests() {
  const auth = await authorizeCentre("manage_users");
  if (!auth.ok) return auth;
  const actor = subjectOf(auth.caller);
  const requests = await getPrisma().accessRequest.findMany({
    where: { centreId: auth.caller.centreId, status: "PENDING" },
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
  return {
    ok: true as const,
    requests: requests.map((r) => ({
      id: r.id,
      permission: r.permission,
      createdAt: r.createdAt,
      user: { id: r.user.id, name: r.user.name, email: r.user.email },
      canDecide:
        isPermission(r.permission) &&
        canAssign(
          actor,
          {
            id: r.user.id,
            role: r.user.role,
            centreId: r.user.centreId,
            grants: r.user.grants.map((g) => g.permission),
          },
          r.permission,
        ),
    })),
  };
}

/** Approve (grant the permission) or refuse a pending request of the caller's centre. */
export async function decideAccessRequest(requestId: string, approve: boolean): Promise<Result> {
  const auth = await authorizeCentre("manage_users");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const actor = subjectOf(caller);
  const { ip } = await requestInfo();
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await tx.accessRequest.findFirst({
      where: { id: requestId, centreId: caller.centreId },
      include: { user: { include: { grants: { select: { permission: true } } } } },
    });
    if (!found) return refuse("notFound");
    if (found.status !== "PENDING") return refuse("conflict", "alreadyDecided");
    const target: Subject = {
      id: found.user.id,
      role: found.user.role,
      centreId: found.user.centreId,
      grants: found.user.grants.map((g) => g.permission),
    };
    if (!isPermission(found.permission) || !canAssign(actor, target, found.permission))
      return refuse("forbidden", "cannotGrant");
    const claimed = await tx.accessRequest.updateMany({
      where: { id: requestId, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "REFUSED", decidedById: actor.id, decidedAt: at },
    });
    if (claimed.count !== 1) return refuse("conflict", "alreadyDecided");
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
      actorEmail: caller.email,
      centreId: caller.centreId,
      targetUserId: target.id,
      targetEmail: found.user.email,
      ip,
      details: { permission: found.permission },
      at,
    });
    return null;
  });
  return outcome ?? { ok: true };
}
