import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppointeeType, Role } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { refuse, type Refusal, type Result } from "@/lib/auth/authorize";
import { hashSecret } from "@/lib/auth/password";
import { temporaryPassword } from "@/lib/auth/codes";
import type { Permission, Subject } from "@/lib/auth/permissions";
import { isManageableBy, type AccountActor } from "@/lib/accounts/rules";
import { INVITE_MONTHS } from "@/lib/accounts/status";
import { audit } from "@/lib/data/audit";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { renderEmail } from "@/lib/email/templates";
import type { KeyRevocationReason } from "@/lib/data/a2c/keys";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { addMonths } from "@/lib/time";
import en from "@/lib/i18n/messages/en.json";
import cy from "@/lib/i18n/messages/cy.json";

// The plumbing the account functions (lib/data/accounts, lib/data/board/centres.ts) share. Every
// helper here works inside a transaction or for a caller its exported caller has already
// authorized; nothing here checks who is asking, so nothing here is called from outside the data
// layer.

export type Tx = Prisma.TransactionClient;

// internal: counts inside the transaction (or for the caller) of a function that has authorized it
/** Admin accounts of a centre, pending invites included (the cap of 3 counts them). */
export function countAdmins(db: Pick<Tx, "user">, centreId: string | null) {
  return db.user.count({ where: { centreId, role: "ADMIN" } });
}

// internal: takes the transaction of a function that has authorized the change
/** Serialises Admin-cap and Exams Officer decisions per centre: the second of two racing changes waits, then counts. */
export async function lockCentre(tx: Tx, centreId: string) {
  await tx.$queryRaw`SELECT id FROM "Centre" WHERE id = ${centreId} FOR UPDATE`;
}

type TargetUser = Prisma.UserGetPayload<{ include: { grants: { select: { permission: true } } } }>;
type Manageable = { refusal: Refusal } | { refusal: null; target: TargetUser; subject: Subject };

// internal: takes the transaction and the actor of a function that has authorized the caller
/** A manageable account within the actor's scope (an Admin or User, never the actor), or why not. */
export async function manageableTarget(tx: Tx, who: AccountActor, userId: string): Promise<Manageable> {
  const target = await tx.user.findFirst({
    where: { ...who.scope, id: userId },
    include: { grants: { select: { permission: true } } },
  });
  if (!target) return { refusal: refuse("notFound") };
  if (target.id === who.actor.id) return { refusal: refuse("forbidden", "cannotChangeOwn") };
  if (!isManageableBy(who.actor, target)) return { refusal: refuse("forbidden") };
  return {
    refusal: null,
    target,
    subject: {
      id: target.id,
      role: target.role,
      centreId: target.centreId,
      grants: target.grants.map((g) => g.permission),
    },
  };
}

export type NewAccount = {
  email: string;
  title: string;
  name: string;
  jobRole: string;
  role: Role;
  /** Null for board staff (scripts/create-board-account.ts), who belong to no centre. */
  centreId: string | null;
  grants: Permission[];
  /** Appointees only (lib/data/board/appointees.ts): examiner or moderator. */
  appointeeType?: AppointeeType;
};

/** Who sends an invite: an authorized caller, or the operator's command line (no account: id null). */
export type Inviter = { id: string | null; email: string };

// internal: takes the transaction of a function that has authorized the invite
/** Creates the account with its invite inside `tx`, audited as `action`; returns what the emails need. */
export async function createInvitedAccount(
  tx: Tx,
  account: NewAccount,
  inviter: Inviter,
  ip: string,
  now: Date,
  action = "user.invited",
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
      appointeeType: account.appointeeType ?? null,
      passwordHash: await hashSecret(password),
      mustChangePassword: true,
      grants: { create: account.grants.map((permission) => ({ permission, grantedById: inviter.id })) },
    },
  });
  const invite = await tx.invite.create({
    data: { userId: user.id, invitedById: inviter.id, expiresAt: addMonths(now, INVITE_MONTHS), createdAt: now },
  });
  await audit(tx, {
    action,
    outcome: "success",
    actorId: inviter.id,
    actorEmail: inviter.email,
    centreId: account.centreId,
    targetUserId: user.id,
    targetEmail: user.email,
    ip,
    details: {
      role: account.role,
      permissions: account.grants,
      ...(account.appointeeType ? { appointeeType: account.appointeeType } : {}),
    },
    at: now,
  });
  return { user, password, expiresAt: invite.expiresAt };
}

function portalUrl() {
  return process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
}

// internal: sends the emails of an invite its authorized caller has just committed
/** The invite (and, for a new account, the notice to the centre's EO and Admins). Throws DeliveryError. */
export async function sendInviteEmails(
  account: { id: string; email: string; name: string; role: Role; centreId: string | null },
  password: string,
  expiresAt: Date,
  inviter: Inviter & { name: string },
  notifyManagers: boolean,
) {
  const db = getPrisma();
  const centre = account.centreId ? await db.centre.findUniqueOrThrow({ where: { id: account.centreId } }) : null;
  // Each language names the centre its own way; board staff and appointees belong to no centre:
  // their invite is to the exam board.
  const centreName = (locale: "en" | "cy") =>
    centre ? `${centre.number} ${localized(centre, locale)}` : (locale === "cy" ? cy : en).meta.board;
  const byBoard = account.role === "BOARD_STAFF" || account.role === "APPOINTEE" || account.role === "EXAMS_OFFICER";
  await sendEmail(
    renderEmail(account.email, null, "invite", (locale) => ({
      inviter: inviter.name || inviter.email,
      centre: centreName(locale),
      by: byBoard ? "board" : "centre",
      // Examiners and moderators sign in at their own door (docs/product-rules.md, "Sign-in and sessions").
      url: `${portalUrl()}${account.role === "APPOINTEE" ? "/appointee/sign-in" : "/sign-in"}`,
      email: account.email,
      password,
      expires: formatDate(expiresAt, "date", locale),
    })),
  );
  if (!notifyManagers || !account.centreId) return;
  // "The EO and Admins are emailed when an account is added to their centre." Best effort: the
  // account exists and its invite went out; a failed notice is not a reason to undo that.
  const managers = await db.user.findMany({
    where: {
      centreId: account.centreId,
      role: { in: ["EXAMS_OFFICER", "ADMIN"] },
      mustChangePassword: false,
      id: { notIn: inviter.id ? [account.id, inviter.id] : [account.id] },
    },
  });
  for (const manager of managers) {
    await sendEmail(
      renderEmail(manager.email, manager.language, "accountAdded", (locale) => ({
        inviter: inviter.name || inviter.email,
        name: account.name,
        email: account.email,
        centre: centreName(locale),
        role: (locale === "cy" ? cy : en).roles[account.role],
      })),
    ).catch(() => {});
  }
}

/** The account an invite is re-sent to, as `reissueInvite`'s finder picks it. */
export type InvitedAccount = {
  id: string;
  email: string;
  name: string;
  role: Role;
  centreId: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
};

// internal: takes the caller, address and clock of a function that has authorized the re-send
/**
 * Re-sends an invite (lib/data/accounts/invites.ts, lib/data/board/appointees.ts): in one
 * transaction `find` picks the account in the caller's scope or refuses, the open invite is
 * withdrawn, a new one with a new temporary password and a new two-month expiry is made, and the
 * change is audited as `action`. Then the email goes out; if nobody received it the new invite
 * goes and the previous password comes back (its invite stays withdrawn).
 */
export async function reissueInvite(
  find: (tx: Tx) => Promise<InvitedAccount | Refusal>,
  inviter: Inviter & { id: string; name: string },
  action: string,
  ip: string,
  at: Date,
): Promise<Result> {
  const db = getPrisma();
  const password = temporaryPassword();
  const passwordHash = await hashSecret(password);
  const outcome = await db.$transaction(async (tx) => {
    const target = await find(tx);
    if ("ok" in target) return target;
    if (!target.mustChangePassword) return refuse("conflict", "notInvited");
    const userId = target.id;
    await tx.invite.updateMany({ where: { userId, withdrawnAt: null, acceptedAt: null }, data: { withdrawnAt: at } });
    const invite = await tx.invite.create({
      data: { userId, invitedById: inviter.id, expiresAt: addMonths(at, INVITE_MONTHS), createdAt: at },
    });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, failedSignIns: 0, lockedUntil: null } });
    await audit(tx, {
      action,
      outcome: "success",
      actorId: inviter.id,
      actorEmail: inviter.email,
      centreId: target.centreId,
      targetUserId: userId,
      targetEmail: target.email,
      ip,
      at,
    });
    return { target, expiresAt: invite.expiresAt, inviteId: invite.id };
  });
  if ("ok" in outcome) return outcome;
  const { target } = outcome;
  try {
    await sendInviteEmails(target, password, outcome.expiresAt, inviter, false);
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    await db.$transaction(async (tx) => {
      await tx.invite.delete({ where: { id: outcome.inviteId } });
      await tx.user.update({ where: { id: target.id }, data: { passwordHash: target.passwordHash } });
    });
    return refuse("unavailable", "deliveryFailed");
  }
  return { ok: true };
}

export type RevokedKeys = { centreId: string; names: string[] }[];

// internal: sends the notice of keys an authorized account change has just revoked
/** Tells each affected centre's exams officer which A2C keys stopped working, and why. */
export async function noticeRevokedKeys(revoked: RevokedKeys, reason: KeyRevocationReason): Promise<void> {
  for (const { centreId, names } of revoked) {
    const eo = await getPrisma().user.findFirst({
      where: { centreId, role: "EXAMS_OFFICER" },
      select: { email: true, language: true },
    });
    if (!eo) continue;
    // The revocation stands whether or not the notice can be sent.
    await sendEmail(renderEmail(eo.email, eo.language, "a2cKeysRevoked", { keys: names.join(", "), reason })).catch(
      () => {},
    );
  }
}
