// "Sign in with Microsoft" for appointees (docs/decisions/016-sign-in-hardening.md): which
// Entra ID tokens Porth accepts. Only the board's own tenant — AUTH_MICROSOFT_ENTRA_ID_TENANT_ID,
// or the tenant named in AUTH_MICROSOFT_ENTRA_ID_ISSUER — and only with the account's immutable
// object id (`oid`), which is what an appointee account is bound to. Without a pinned tenant no
// Microsoft sign-in is accepted at all.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type EntraTenant = { tenantId: string; issuer: string };

/** The claims of an Entra ID token that Porth reads. */
export type EntraProfile = { tid?: unknown; iss?: unknown; oid?: unknown; email?: unknown };

export type EntraIdentity =
  | { ok: true; oid: string; email: string }
  | { ok: false; reason: "no-tenant" | "wrong-tenant" | "wrong-issuer" | "no-object-id" };

const trimSlash = (s: string) => s.replace(/\/+$/, "");

/** The tenant id in an issuer such as https://login.microsoftonline.com/<tenant-id>/v2.0, if any. */
function tenantOfIssuer(issuer: string | undefined): string | null {
  if (!issuer) return null;
  try {
    const first = new URL(issuer).pathname.split("/").find(Boolean) ?? "";
    return GUID.test(first) ? first.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The tenant Porth accepts, from AUTH_MICROSOFT_ENTRA_ID_TENANT_ID or the issuer; null when
 * neither pins one tenant ("common", "organizations", unset) or the two disagree.
 */
export function entraTenant(env: Record<string, string | undefined> = process.env): EntraTenant | null {
  const configured = env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID?.trim().toLowerCase() || null;
  const fromIssuer = tenantOfIssuer(env.AUTH_MICROSOFT_ENTRA_ID_ISSUER);
  if (configured && !GUID.test(configured)) return null;
  if (configured && fromIssuer && configured !== fromIssuer) return null;
  const tenantId = configured ?? fromIssuer;
  if (!tenantId) return null;
  const issuer = fromIssuer
    ? trimSlash(env.AUTH_MICROSOFT_ENTRA_ID_ISSUER!)
    : `https://login.microsoftonline.com/${tenantId}/v2.0`;
  return { tenantId, issuer };
}

/** Accepts a token's claims only from the pinned tenant and issuer, with an object id. */
export function entraIdentity(profile: EntraProfile | null | undefined, tenant: EntraTenant | null): EntraIdentity {
  if (!tenant) return { ok: false, reason: "no-tenant" };
  const tid = typeof profile?.tid === "string" ? profile.tid.toLowerCase() : "";
  if (tid !== tenant.tenantId) return { ok: false, reason: "wrong-tenant" };
  const iss = typeof profile?.iss === "string" ? trimSlash(profile.iss) : "";
  if (iss.toLowerCase() !== tenant.issuer.toLowerCase()) return { ok: false, reason: "wrong-issuer" };
  const oid = typeof profile?.oid === "string" ? profile.oid.toLowerCase() : "";
  if (!GUID.test(oid)) return { ok: false, reason: "no-object-id" };
  return { ok: true, oid, email: typeof profile?.email === "string" ? profile.email : "" };
}
