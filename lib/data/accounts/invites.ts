import "server-only";
import { authorize, authorizeCentre, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import {
  canAssign,
  canInviteRole,
  DEFAULT_GRANTS,
  GRANTABLE,
  isGrantable,
  isPermission,
  MAX_ADMINS_PER_CENTRE,
  type Permission,
  type Subject,
} from "@/lib/auth/permissions";
import { accountActorOf, adminPlacesLeft, subjectOf } from "@/lib/accounts/rules";
import type { Role } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { normaliseEmail } from "@/lib/auth/email";
import { DeliveryError } from "@/lib/email/send";
import {
  countAdmins,
  createInvitedAccount,
  lockCentre,
  manageableTarget,
  reissueInvite,
  sendInviteEmails,
} from "./internal";

// Inviting Admins and Users to a centre, re-sending and withdrawing invites (docs/product-rules.md
// ("Actors and roles"), ("Permissions")). The account and its audit row commit together; an
// invite nobody received is undone.

/** What the invite form may offer: a place for an Admin, and the permissions the caller may tick per role. */
export async function inviteOptions() {
  const auth = await authorizeCentre("manage_users");
  if (!auth.ok) return auth;
  const actor = subjectOf(auth.caller);
  // "Nobody grants what they do not hold."
  const permissions = (role: "ADMIN" | "USER") => {
    const newcomer: Subject = { id: "", role, centreId: auth.caller.centreId, grants: [] };
    return (GRANTABLE[role] as readonly Permission[])
      .filter((p) => canAssign(actor, newcomer, p))
      .map((p) => ({ permission: p, byDefault: (DEFAULT_GRANTS[role] as readonly string[]).includes(p) }));
  };
  const places = adminPlacesLeft(await countAdmins(getPrisma(), auth.caller.centreId));
  return {
    ok: true as const,
    adminPlacesLeft: places,
    permissions: { ADMIN: permissions("ADMIN"), USER: permissions("USER") },
  };
}

export type InviteInput = {
  email: string;
  title: string;
  name: string;
  jobRole: string;
  role: Role;
  permissions: string[];
};

/** Invite an Admin or User to the caller's centre. */
export async function inviteUser(input: InviteInput): Promise<Result<{ userId: string }>> {
  const auth = await authorizeCentre("manage_users");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const actor = subjectOf(caller);
  if (!canInviteRole(actor.role, input.role)) return refuse("forbidden");
  const role = input.role as "ADMIN" | "USER";
  const newcomer: Subject = { id: "", role, centreId: caller.centreId, grants: [] };
  const grants: Permission[] = [];
  for (const p of new Set(input.permissions)) {
    if (!isPermission(p) || !isGrantable(role, p)) continue; // "always" permissions need no grant
    if (!canAssign(actor, newcomer, p)) return refuse("forbidden", "cannotGrant");
    grants.push(p);
  }
  const email = normaliseEmail(input.email);
  const { ip } = await requestInfo();
  const db = getPrisma();
  let created: Awaited<ReturnType<typeof createInvitedAccount>>;
  try {
    const outcome = await db.$transaction(async (tx) => {
      if (role === "ADMIN") {
        await lockCentre(tx, caller.centreId);
        const admins = await countAdmins(tx, caller.centreId);
        if (admins >= MAX_ADMINS_PER_CENTRE) return refuse("invalid", "adminLimit");
      }
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return refuse("conflict", "emailTaken");
      return createInvitedAccount(
        tx,
        {
          email,
          title: input.title,
          name: input.name,
          jobRole: input.jobRole,
          role,
          centreId: caller.centreId,
          grants,
        },
        { id: caller.userId, email: caller.email },
        ip,
        at,
      );
    });
    if ("ok" in outcome) return outcome;
    created = outcome;
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("conflict", "emailTaken");
    throw error;
  }
  try {
    await sendInviteEmails(
      { ...created.user, role, centreId: caller.centreId },
      created.password,
      created.expiresAt,
      { id: caller.userId, name: caller.name, email: caller.email },
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
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: caller.centreId,
        targetEmail: email,
        ip,
        details: { reason: "delivery-failed" },
        at,
      });
    });
    return refuse("unavailable", "deliveryFailed");
  }
  return { ok: true, userId: created.user.id };
}

/** Re-send an invite: a new temporary password and a new two-month expiry; the old one stops working. */
export async function resendInvite(userId: string): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const who = accountActorOf(caller);
  if (!who) return refuse("forbidden");
  const { ip } = await requestInfo();
  return reissueInvite(
    async (tx) => {
      const found = await manageableTarget(tx, who, userId);
      return found.refusal ?? found.target;
    },
    { id: caller.userId, name: caller.name, email: caller.email },
    "user.invite-resent",
    ip,
    at,
  );
}

/** Withdraw an invite nobody has completed: the account is removed. `byBoard`: the caller is board staff. */
export async function withdrawInvite(userId: string): Promise<Result<{ centreId: string; byBoard: boolean }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const who = accountActorOf(caller);
  if (!who) return refuse("forbidden");
  const { ip } = await requestInfo();
  const outcome = await getPrisma().$transaction(async (tx) => {
    const found = await manageableTarget(tx, who, userId);
    if (found.refusal) return found.refusal;
    if (!found.target.mustChangePassword) return refuse("conflict", "notInvited");
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, {
      action: "user.invite-withdrawn",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: found.target.centreId,
      targetUserId: userId,
      targetEmail: found.target.email,
      ip,
      at,
    });
    return { centreId: found.target.centreId! };
  });
  if ("ok" in outcome) return outcome;
  return { ok: true, centreId: outcome.centreId, byBoard: caller.role === "BOARD_STAFF" };
}
