import "server-only";
import { authorize, refuse, type Result } from "@/lib/auth/authorize";
import { canUseService, findService, findServiceForPath, servicesFor, type Service } from "@/lib/services/catalogue";
import { serviceSubjectOf } from "@/lib/services/subject";

// Which services the caller can use (docs/product-rules.md, "All Services"). The catalogue
// (lib/services/catalogue.ts) is the rule; these answer it for the caller of this request.

/** The services the caller can use, in catalogue order. */
export async function myServices(): Promise<Result<{ services: Service[] }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  return { ok: true, services: servicesFor(serviceSubjectOf(auth.caller)) };
}

/** A service of the catalogue, when the caller can use it (unknown → notFound, not theirs → forbidden). */
export async function openService(key: string): Promise<Result<{ service: Service }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const service = findService(key);
  if (!service) return refuse("notFound");
  if (!canUseService(serviceSubjectOf(auth.caller), service)) return refuse("forbidden");
  return { ok: true, service };
}

/**
 * Whether the caller's live permissions now let them open `path` (a path on this site that
 * belongs to a service). proxy.ts judges from the cookie's claims, which may be older.
 */
export async function mayOpenPath(path: string): Promise<Result<{ allowed: boolean }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const onSite = typeof path === "string" && path.startsWith("/") && !path.startsWith("//");
  const service = onSite ? findServiceForPath(path) : undefined;
  return { ok: true, allowed: Boolean(service && canUseService(serviceSubjectOf(auth.caller), service)) };
}
