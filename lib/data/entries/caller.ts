import "server-only";
import { authorizeCentre, refuse, type Authorized, type CentreCaller, type Refusal } from "@/lib/auth/authorize";
import { entriesAccess } from "@/lib/auth/permissions";

// Who may use Entries & Registrations (docs/product-rules.md ("Permissions")): a centre account
// holding the entries permission. Exams officers and Admins make changes; Users with the
// permission only view. The rule itself is lib/auth/permissions.ts `entriesAccess`.

export type EntriesCaller = Authorized<CentreCaller> & { canMake: boolean };

/** The caller, if they may view entries ("view") or also change them ("make"). */
export async function authorizeEntries(mode: "view" | "make" = "view"): Promise<EntriesCaller | Refusal> {
  const a = await authorizeCentre("entries");
  if (!a.ok) return a;
  const canMake = entriesAccess(a.caller) === "make";
  if (mode === "make" && !canMake) return refuse("forbidden");
  return { ...a, canMake };
}
