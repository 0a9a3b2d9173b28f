import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { accountStatus } from "@/lib/accounts/status";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import {
  createInvitedAccount,
  lockCentre,
  noticeRevokedKeys,
  sendInviteEmails,
  type RevokedKeys,
} from "@/lib/data/accounts/internal";
import { revokeKeysMadeBy } from "@/lib/data/a2c/keys";
import { resendInvite } from "@/lib/data/accounts/invites";
import { revokeAllSessions } from "@/lib/data/identity/sessions";
import { normaliseEmail } from "@/lib/auth/email";
import { DeliveryError } from "@/lib/email/send";

// Board staff's centres (docs/product-rules.md ("Actors and roles")): list, create, invite the
// Exams Officer, replace the Exams Officer. Only board staff; every change audited against the
// centre.

/** Centres whose number starts with, or whose name contains, `q` (the first 200). */
export async function listCentres(q = "") {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const query = q.replace(/\p{Cc}/gu, "").trim(); // control characters match no centre (and NUL cannot be sent)
  const centres = await getPrisma().centre.findMany({
    where: query
      ? {
          OR: [
            { number: { startsWith: query } },
            { nameEn: { contains: query, mode: "insensitive" } },
            { nameCy: { contains: query, mode: "insensitive" } },
          ],
        }
      : {},
    include: {
      users: { where: { role: "EXAMS_OFFICER" }, include: { invites: { orderBy: { createdAt: "desc" }, take: 1 } } },
      _count: { select: { users: true } },
    },
    orderBy: { number: "asc" },
    take: 200,
  });
  return {
    ok: true as const,
    centres: centres.map((c) => ({
      id: c.id,
      number: c.number,
      nameEn: c.nameEn,
      nameCy: c.nameCy,
      accounts: c._count.users,
      examsOfficer: c.users[0]
        ? {
            id: c.users[0].id,
            name: c.users[0].name,
            email: c.users[0].email,
            status: accountStatus(c.users[0], auth.at),
          }
        : null,
    })),
  };
}

/** One centre with its accounts. */
export async function getCentre(centreId: string) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const c = await getPrisma().centre.findUnique({
    where: { id: centreId },
    include: {
      users: {
        include: { invites: { orderBy: { createdAt: "desc" }, take: 1 } },
        orderBy: [{ role: "asc" }, { name: "asc" }],
      },
    },
  });
  if (!c) return refuse("notFound");
  const eo = c.users.find((u) => u.role === "EXAMS_OFFICER");
  return {
    ok: true as const,
    id: c.id,
    number: c.number,
    nameEn: c.nameEn,
    nameCy: c.nameCy,
    address: c.address,
    accounts: c.users.length,
    examsOfficer: eo
      ? {
          id: eo.id,
          name: eo.name,
          email: eo.email,
          status: accountStatus(eo, auth.at),
          lastSignInAt: eo.lastSignInAt,
          /** Invited and not yet set up: the board may re-send the invite. */
          canResendInvite: eo.mustChangePassword,
        }
      : null,
    users: c.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      status: accountStatus(u, auth.at),
    })),
  };
}

export type CentreInput = { number: string; nameEn: string; nameCy: string; address: string };

export async function createCentre(input: CentreInput): Promise<Result<{ centreId: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  try {
    const centre = await getPrisma().$transaction(async (tx) => {
      const created = await tx.centre.create({
        data: {
          number: input.number,
          nameEn: input.nameEn,
          nameCy: input.nameCy,
          address: input.address,
          createdAt: at,
        },
      });
      await audit(tx, {
        action: "centre.created",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: created.id,
        ip,
        details: { number: created.number },
        at,
      });
      return created;
    });
    return { ok: true, centreId: centre.id };
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("conflict", "numberTaken");
    throw error;
  }
}

export type ExamsOfficerInput = { email: string; title: string; name: string; jobRole: string };

/**
 * Invite a centre's Exams Officer, or replace the current one (`replace`): the old EO account
 * ends — its sessions at once — and the change is audited. Exactly one EO per centre.
 */
export async function inviteExamsOfficer(
  centreId: string,
  input: ExamsOfficerInput,
  replace: boolean,
): Promise<Result<{ userId: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  const email = normaliseEmail(input.email);
  const db = getPrisma();
  let created: Awaited<ReturnType<typeof createInvitedAccount>>;
  let replaced: { id: string; email: string } | null = null;
  const revoked: RevokedKeys = [];
  try {
    const outcome = await db.$transaction(async (tx) => {
      const centre = await tx.centre.findUnique({ where: { id: centreId } });
      if (!centre) return refuse("notFound");
      await lockCentre(tx, centreId);
      const current = await tx.user.findFirst({ where: { centreId, role: "EXAMS_OFFICER" } });
      if (current && !replace) return refuse("conflict", "hasExamsOfficer");
      if (!current && replace) return refuse("conflict", "noExamsOfficer");
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return refuse("conflict", "emailTaken");
      if (current) {
        await revokeAllSessions(tx, current.id, at);
        revoked.push(
          ...(await revokeKeysMadeBy(tx, {
            makerId: current.id,
            reason: "makerReplaced",
            actorId: caller.userId,
            actorEmail: caller.email,
            ip,
            at,
          })),
        );
        await tx.user.delete({ where: { id: current.id } });
        await audit(tx, {
          action: "centre.exams-officer-replaced",
          outcome: "success",
          actorId: caller.userId,
          actorEmail: caller.email,
          centreId,
          targetUserId: current.id,
          targetEmail: current.email,
          ip,
          details: { newEmail: email },
          at,
        });
      }
      const account = await createInvitedAccount(
        tx,
        {
          email,
          title: input.title,
          name: input.name,
          jobRole: input.jobRole,
          role: "EXAMS_OFFICER",
          centreId,
          grants: [],
        },
        { id: caller.userId, email: caller.email },
        ip,
        at,
      );
      return { account, replaced: current ? { id: current.id, email: current.email } : null };
    });
    if ("ok" in outcome) return outcome;
    created = outcome.account;
    replaced = outcome.replaced;
  } catch (error) {
    if (isUniqueViolation(error)) return refuse("conflict", "emailTaken");
    throw error;
  }
  try {
    await sendInviteEmails(
      { ...created.user, role: "EXAMS_OFFICER", centreId },
      created.password,
      created.expiresAt,
      { id: caller.userId, name: caller.name, email: caller.email },
      true,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    if (replaced) {
      // The old EO is already gone; the new account stays so the board can re-send from the centre page.
      return refuse("unavailable", "deliveryFailed");
    }
    await db.user.delete({ where: { id: created.user.id } });
    return refuse("unavailable", "deliveryFailed");
  }
  await noticeRevokedKeys(revoked, "makerReplaced");
  return { ok: true, userId: created.user.id };
}

/** Re-send the Exams Officer's invite (expired, lost, or not delivered): the same re-send as any
 *  centre account's (board staff may act on any centre account), found by centre. */
export async function resendExamsOfficerInvite(centreId: string): Promise<Result> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const eo = await getPrisma().user.findFirst({ where: { centreId, role: "EXAMS_OFFICER" }, select: { id: true } });
  if (!eo) return refuse("conflict", "noExamsOfficer");
  return resendInvite(eo.id);
}
