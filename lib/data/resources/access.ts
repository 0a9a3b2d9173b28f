import "server-only";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

// Who is asking, as the resources DAL needs it. A LiveSession fits this shape.
export type Caller = {
  pendingStep?: string | null;
  user: {
    id: string;
    email: string;
    role: Role;
    centreId: string | null;
    grants: readonly { permission: string }[];
  };
};

export type Denied = { ok: false; reason: "forbidden" | "notFound" };
export const FORBIDDEN: Denied = { ok: false, reason: "forbidden" };
export const NOT_FOUND: Denied = { ok: false, reason: "notFound" };

const CENTRE_ROLES: readonly Role[] = ["EXAMS_OFFICER", "ADMIN", "USER"];

/** A fully signed-in centre account holding `permission`, with its centre id; null otherwise. */
export function centreCaller(caller: Caller | null | undefined, permission?: Permission): { centreId: string } | null {
  if (!caller || caller.pendingStep) return null;
  const { role, centreId, grants } = caller.user;
  if (!CENTRE_ROLES.includes(role) || !centreId) return null;
  if (permission && !hasPermission({ role, grants: grants.map((g) => g.permission) }, permission)) return null;
  return { centreId };
}

/**
 * Resources scope: "all" for board staff (they publish them), the centre for centre accounts
 * (every centre account holds "resources", PRODUCT.md §Permissions), null for anyone else.
 */
export function resourceScope(
  caller: Caller | null | undefined,
): { all: true } | { all: false; centreId: string } | null {
  if (!caller || caller.pendingStep) return null;
  if (caller.user.role === "BOARD_STAFF") return { all: true };
  const centre = centreCaller(caller, "resources");
  return centre ? { all: false, centreId: centre.centreId } : null;
}

/**
 * Specifications the centre has live entries for, in any series (withdrawn entries do not count):
 * what unlocks `secure` resources.
 */
export async function enteredSpecificationIds(centreId: string): Promise<string[]> {
  const rows = await getPrisma().entry.findMany({
    where: { centreId, status: "ENTERED" },
    distinct: ["specificationId"],
    select: { specificationId: true },
  });
  return rows.map((r) => r.specificationId);
}
