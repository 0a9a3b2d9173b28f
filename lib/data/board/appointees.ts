import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { normaliseEmail } from "@/lib/auth/email";
import {
  APPOINTEE_STATUS_FILTERS,
  APPOINTEE_TYPES,
  appointeeDomain,
  appointeeStatus,
  inAppointeeDomain,
  type AppointeeStatusFilter,
} from "@/lib/board/appointees";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppointeeType } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { createInvitedAccount, reissueInvite, sendInviteEmails } from "@/lib/data/accounts/internal";
import { revokeAllSessions } from "@/lib/data/identity/sessions";
import { DeliveryError } from "@/lib/email/send";
import { allocationsOf } from "./appointees-progress";

// Board staff's appointees (docs/product-rules.md ("Actors and roles")): examiner and moderator
// accounts in the appointee domain, invited like centre staff (a temporary password by email,
// a new password and a second factor at the first sign-in), re-sent invites, deactivation and
// reactivation. Their allocations are in ./appointees-allocations.ts. Only board staff; every
// change is audited in the transaction that makes it.

const FIRST = 200;

export type AppointeeFilter = { q?: string; type?: string; status?: string };

/** Appointees matching a name or email search, a type and a status (the first 200, by name). */
export async function listAppointees(filter: AppointeeFilter = {}) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const q = (filter.q ?? "")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, 100);
  const type = APPOINTEE_TYPES.find((t) => t === filter.type);
  const status = APPOINTEE_STATUS_FILTERS.find((s) => s === filter.status);
  const where: Prisma.UserWhereInput = {
    role: "APPOINTEE",
    ...(type ? { appointeeType: type } : {}),
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
      : {}),
    ...statusWhere(status),
  };
  const users = await getPrisma().user.findMany({
    where,
    include: {
      invites: { orderBy: { createdAt: "desc" }, take: 1 },
      _count: { select: { allocations: true } },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: FIRST,
  });
  return {
    ok: true as const,
    filter: { q, type: type ?? null, status: status ?? null },
    appointees: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      type: u.appointeeType,
      status: appointeeStatus(u, auth.at),
      allocations: u._count.allocations,
      lastSignInAt: u.lastSignInAt,
    })),
  };
}

function statusWhere(status: AppointeeStatusFilter | undefined): Prisma.UserWhereInput {
  if (status === "deactivated") return { deactivatedAt: { not: null } };
  if (status === "invited") return { deactivatedAt: null, mustChangePassword: true };
  if (status === "active") return { deactivatedAt: null, mustChangePassword: false };
  return {};
}

/** What the new-appointee form needs: the domain every appointee's address must be in. */
export async function appointeeFormOptions() {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  return { ok: true as const, domain: appointeeDomain() };
}

/** One appointee: details, what the board may do to the account, and their allocations with progress. */
export async function getAppointee(userId: string) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const u = await db.user.findFirst({
    where: { id: userId, role: "APPOINTEE" },
    include: { invites: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  if (!u) return refuse("notFound");
  const status = appointeeStatus(u, auth.at);
  const active = u.deactivatedAt === null;
  return {
    ok: true as const,
    id: u.id,
    name: u.name,
    email: u.email,
    type: u.appointeeType,
    status,
    deactivatedAt: u.deactivatedAt,
    lastSignInAt: u.lastSignInAt,
    inviteExpiresAt: u.mustChangePassword ? (u.invites[0]?.expiresAt ?? null) : null,
    can: {
      resendInvite: active && u.mustChangePassword,
      deactivate: active,
      reactivate: !active,
      allocate: active && u.appointeeType !== null,
    },
    allocations: await allocationsOf(db, u.id),
  };
}

export type AppointeeInput = { email: string; name: string; type: AppointeeType };

/**
 * Create an examiner or moderator account and email its invite. The address must be in the
 * appointee domain (APPOINTEE_EMAIL_DOMAIN). An invite nobody received is undone.
 */
export async function createAppointee(input: AppointeeInput): Promise<Result<{ userId: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const email = normaliseEmail(input.email);
  if (!inAppointeeDomain(email, appointeeDomain())) return refuse("invalid", "appointeeDomain");
  if (!APPOINTEE_TYPES.includes(input.type)) return refuse("invalid", "appointeeTypeRequired");
  const { ip } = await requestInfo();
  const db = getPrisma();
  let created: Awaited<ReturnType<typeof createInvitedAccount>>;
  try {
    const outcome = await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return refuse("conflict", "emailTaken");
      return createInvitedAccount(
        tx,
        {
          email,
          title: "",
          name: input.name,
          jobRole: "",
          role: "APPOINTEE",
          centreId: null,
          grants: [],
          appointeeType: input.type,
        },
        { id: caller.userId, email: caller.email },
        ip,
        at,
        "appointee.invited",
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
      { ...created.user, role: "APPOINTEE", centreId: null },
      created.password,
      created.expiresAt,
      { id: caller.userId, name: caller.name, email: caller.email },
      false,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    // Nothing half-written: an invite nobody received is undone.
    await db.$transaction(async (tx) => {
      await tx.user.delete({ where: { id: created.user.id } });
      await audit(tx, {
        action: "appointee.invite-undone",
        outcome: "failure",
        actorId: caller.userId,
        actorEmail: caller.email,
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

/** Re-send an appointee's invite: a new temporary password and a new two-month expiry; the old one stops working. */
export async function resendAppointeeInvite(userId: string): Promise<Result> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return reissueInvite(
    async (tx) => {
      const target = await tx.user.findFirst({ where: { id: userId, role: "APPOINTEE" } });
      if (!target) return refuse("notFound");
      if (target.deactivatedAt) return refuse("conflict", "appointeeDeactivated");
      // Appointees belong to no centre: the invite is to the exam board, the audit row has no centre.
      return { ...target, centreId: null };
    },
    { id: caller.userId, name: caller.name, email: caller.email },
    "appointee.invite-resent",
    ip,
    at,
  );
}

/**
 * Deactivate an appointee: their sessions end at once and sign-in is refused from now on (answered
 * like a wrong password: lib/data/identity/sign-in.ts, lib/data/identity/sso.ts). Their
 * allocations are kept, so reactivating gives them their work back.
 */
export async function deactivateAppointee(userId: string): Promise<Result> {
  return setActive(userId, false);
}

/** Reactivate a deactivated appointee: they may sign in again (their sessions stay ended). */
export async function reactivateAppointee(userId: string): Promise<Result> {
  return setActive(userId, true);
}

async function setActive(userId: string, active: boolean): Promise<Result> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id: userId, role: "APPOINTEE" } });
    if (!target) return refuse("notFound");
    if (active === (target.deactivatedAt === null))
      return refuse("conflict", active ? "appointeeAlreadyActive" : "appointeeAlreadyDeactivated");
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : at } });
    // Every session ends at once, half-open sign-ins included: the next request is signed out.
    if (!active) await revokeAllSessions(tx, userId, at);
    await audit(tx, {
      action: active ? "appointee.reactivated" : "appointee.deactivated",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      targetUserId: userId,
      targetEmail: target.email,
      ip,
      at,
    });
    return { ok: true as const };
  });
}
