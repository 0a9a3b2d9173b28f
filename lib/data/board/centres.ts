import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { revokeAllSessions, type LiveSession, type RequestInfo } from "@/lib/data/identity/sessions";
import { normaliseEmail } from "@/lib/data/identity/sign-in";
import { DeliveryError } from "@/lib/email/send";
import { isUniqueViolation } from "@/lib/db/errors";
import {
  accountStatus,
  createInvitedAccount,
  lockCentre,
  resendInvite,
  sendInviteEmails,
  type ManageResult,
} from "@/lib/data/centre/users";

// Board staff's centres (issue 4, "minimum needed now"): list, create, invite the Exams Officer,
// replace the Exams Officer. Only board staff; every change audited against the centre.

const isBoard = (session: LiveSession) => session.user.role === "BOARD_STAFF";

export async function listCentres(session: LiveSession, q: string, now: Date) {
  if (!isBoard(session)) return null;
  const query = q.trim();
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
  return centres.map((c) => ({
    id: c.id,
    number: c.number,
    nameEn: c.nameEn,
    nameCy: c.nameCy,
    accounts: c._count.users,
    examsOfficer: c.users[0]
      ? { id: c.users[0].id, name: c.users[0].name, email: c.users[0].email, status: accountStatus(c.users[0], now) }
      : null,
  }));
}

export async function getCentre(session: LiveSession, centreId: string, now: Date) {
  if (!isBoard(session)) return null;
  const c = await getPrisma().centre.findUnique({
    where: { id: centreId },
    include: {
      users: {
        include: { invites: { orderBy: { createdAt: "desc" }, take: 1 } },
        orderBy: [{ role: "asc" }, { name: "asc" }],
      },
    },
  });
  if (!c) return null;
  const eo = c.users.find((u) => u.role === "EXAMS_OFFICER");
  return {
    id: c.id,
    number: c.number,
    nameEn: c.nameEn,
    nameCy: c.nameCy,
    address: c.address,
    accounts: c.users.length,
    examsOfficer: eo
      ? { id: eo.id, name: eo.name, email: eo.email, status: accountStatus(eo, now), lastSignInAt: eo.lastSignInAt }
      : null,
    users: c.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      status: accountStatus(u, now),
    })),
  };
}

export type CentreInput = { number: string; nameEn: string; nameCy: string; address: string };

export async function createCentre(
  session: LiveSession,
  input: CentreInput,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult<{ centreId: string }> | { ok: false; error: "numberTaken" }> {
  if (!isBoard(session)) return { ok: false, error: "forbidden" };
  try {
    const centre = await getPrisma().$transaction(async (tx) => {
      const created = await tx.centre.create({
        data: {
          number: input.number,
          nameEn: input.nameEn,
          nameCy: input.nameCy,
          address: input.address,
          createdAt: now,
        },
      });
      await audit(tx, {
        action: "centre.created",
        outcome: "success",
        actorId: session.userId,
        actorEmail: session.user.email,
        centreId: created.id,
        ip: request.ip,
        details: { number: created.number },
        at: now,
      });
      return created;
    });
    return { ok: true, centreId: centre.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "numberTaken" };
    throw error;
  }
}

export type ExamsOfficerInput = { email: string; title: string; name: string; jobRole: string };

/**
 * Invite a centre's Exams Officer, or replace the current one (`replace`): the old EO account
 * ends — its sessions at once — and the change is audited. Exactly one EO per centre.
 */
export async function inviteExamsOfficer(
  session: LiveSession,
  centreId: string,
  input: ExamsOfficerInput,
  replace: boolean,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult<{ userId: string }> | { ok: false; error: "hasExamsOfficer" | "noExamsOfficer" }> {
  if (!isBoard(session)) return { ok: false, error: "forbidden" };
  const email = normaliseEmail(input.email);
  const db = getPrisma();
  let created: Awaited<ReturnType<typeof createInvitedAccount>>;
  let replaced: { id: string; email: string } | null = null;
  try {
    const outcome = await db.$transaction(async (tx) => {
      const centre = await tx.centre.findUnique({ where: { id: centreId } });
      if (!centre) return "notFound" as const;
      await lockCentre(tx, centreId);
      const current = await tx.user.findFirst({ where: { centreId, role: "EXAMS_OFFICER" } });
      if (current && !replace) return "hasExamsOfficer" as const;
      if (!current && replace) return "noExamsOfficer" as const;
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return "emailTaken" as const;
      if (current) {
        await revokeAllSessions(tx, current.id, now);
        await tx.user.delete({ where: { id: current.id } });
        await audit(tx, {
          action: "centre.exams-officer-replaced",
          outcome: "success",
          actorId: session.userId,
          actorEmail: session.user.email,
          centreId,
          targetUserId: current.id,
          targetEmail: current.email,
          ip: request.ip,
          details: { newEmail: email },
          at: now,
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
        { id: session.userId, email: session.user.email },
        request,
        now,
      );
      return { account, replaced: current ? { id: current.id, email: current.email } : null };
    });
    if (typeof outcome === "string") return { ok: false, error: outcome };
    created = outcome.account;
    replaced = outcome.replaced;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "emailTaken" };
    throw error;
  }
  try {
    await sendInviteEmails(
      { ...created.user, role: "EXAMS_OFFICER", centreId },
      created.password,
      created.expiresAt,
      { id: session.userId, name: session.user.name, email: session.user.email },
      true,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    if (replaced) {
      // The old EO is already gone; the new account stays so the board can re-send from the centre page.
      return { ok: false, error: "deliveryFailed" };
    }
    await db.user.delete({ where: { id: created.user.id } });
    return { ok: false, error: "deliveryFailed" };
  }
  return { ok: true, userId: created.user.id };
}

/** Re-send the Exams Officer's invite (expired, lost, or not delivered): the same re-send as any
 *  centre account's (board staff may act on any centre account), found by centre. */
export async function resendExamsOfficerInvite(
  session: LiveSession,
  centreId: string,
  request: RequestInfo,
  now: Date,
): Promise<ManageResult | { ok: false; error: "noExamsOfficer" }> {
  if (!isBoard(session)) return { ok: false, error: "forbidden" };
  const eo = await getPrisma().user.findFirst({ where: { centreId, role: "EXAMS_OFFICER" }, select: { id: true } });
  if (!eo) return { ok: false, error: "noExamsOfficer" };
  return resendInvite(session, eo.id, request, now);
}
