import "server-only";
import { entriesAccess } from "@/lib/auth/permissions";
import type { LiveSession } from "@/lib/data/identity/sessions";

/** The caller's entries access (PRODUCT.md §Permissions: EO/Admin make, Users with the permission view). */
export function accessOf(session: LiveSession): { access: "make" | "view" | null; centreId: string | null } {
  if (session.pendingStep) return { access: null, centreId: null };
  const user = session.user;
  if (!user.centreId) return { access: null, centreId: null };
  return {
    access: entriesAccess({ role: user.role, grants: user.grants.map((g) => g.permission) }),
    centreId: user.centreId,
  };
}

export type Denied = { ok: false; formError: "forbidden" | "notFound" };
export const FORBIDDEN: Denied = { ok: false, formError: "forbidden" };
export const NOT_FOUND: Denied = { ok: false, formError: "notFound" };
