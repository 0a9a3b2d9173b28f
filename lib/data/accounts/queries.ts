import "server-only";
import { authorize, authorizeCentre, refuse } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import {
  accountAbilities,
  accountActorOf,
  accountSummary,
  adminPlacesLeft,
  alwaysPermissions,
  assignablePermissions,
  subjectOf,
} from "@/lib/accounts/rules";
import type { AccountStatus } from "@/lib/accounts/status";
import { getPrisma } from "@/lib/db/client";
import { countAdmins } from "./internal";

// Manage Users, reading (docs/product-rules.md ("Actors and roles"), ("Permissions")): the
// centre's accounts for its EO and Admins, and one account for them or for board staff (any
// centre's). Another centre's account is "not found".

export type UserFilter = {
  q?: string;
  role?: "EXAMS_OFFICER" | "ADMIN" | "USER";
  status?: AccountStatus;
  permission?: Permission;
};

/** The caller's centre, its accounts (filtered) and the Admin places left. EO and Admins. */
export async function listCentreUsers(filter: UserFilter = {}) {
  const auth = await authorizeCentre("manage_users");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const actor = subjectOf(caller);
  const q = filter.q?.replace(/\p{Cc}/gu, "").trim(); // control characters match no account (and NUL cannot be sent)
  const db = getPrisma();
  const [centre, users, admins] = await Promise.all([
    db.centre.findUniqueOrThrow({
      where: { id: caller.centreId },
      select: { number: true, nameEn: true, nameCy: true },
    }),
    db.user.findMany({
      where: {
        centreId: caller.centreId,
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
    }),
    countAdmins(db, caller.centreId),
  ]);
  return {
    ok: true as const,
    centre,
    adminPlacesLeft: adminPlacesLeft(admins),
    users: users
      .map((u) => accountSummary(u, actor, at))
      .filter(
        (u) =>
          (!filter.status || u.status === filter.status) &&
          (!filter.permission || u.permissions.includes(filter.permission)),
      ),
  };
}

export type CentreUser = Extract<Awaited<ReturnType<typeof listCentreUsers>>, { ok: true }>["users"][number];

/**
 * One account, with what the caller may do to it (`can`). The centre's EO and Admins see their
 * centre's accounts; board staff any centre's. `centreId`, when given, is the centre the account
 * must belong to (the board's pages name it in the address).
 */
export async function getCentreUser(userId: string, centreId?: string) {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const who = accountActorOf(auth.caller);
  if (!who) return refuse("forbidden");
  const db = getPrisma();
  const u = await db.user.findFirst({
    where: { AND: [who.scope, { id: userId }, centreId ? { centreId } : {}] },
    include: {
      grants: { select: { permission: true } },
      invites: { orderBy: { createdAt: "desc" }, take: 1 },
      mfaFactors: { where: { active: true }, select: { method: true } },
    },
  });
  if (!u) return refuse("notFound");
  const { actor } = who;
  const summary = accountSummary(u, actor, auth.at);
  const target = { id: u.id, role: u.role, centreId: u.centreId, grants: summary.grants };
  const admins = await countAdmins(db, u.centreId);
  return {
    ok: true as const,
    ...summary,
    centreId: u.centreId,
    mfaMethod: u.mfaFactors[0]?.method ?? null,
    /** What the role always has (shown, never changed). */
    always: alwaysPermissions(u.role),
    /** Each grantable permission of the target's role, and whether the actor may change it. */
    assignable: assignablePermissions(actor, target),
    can: accountAbilities(
      actor,
      { ...target, mustChangePassword: u.mustChangePassword, hasSecondFactor: u.mfaFactors.length > 0 },
      admins,
    ),
    adminPlacesLeft: adminPlacesLeft(admins),
  };
}

export type CentreAccount = Extract<Awaited<ReturnType<typeof getCentreUser>>, { ok: true }>;
