import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { findLiveSession, type LiveSession, type RequestInfo } from "@/lib/data/identity/sessions";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { clientAddress } from "@/lib/http/client-address";
import { sessionIdOfRequest, signIn } from "./config";
import { hasPermission, type Permission } from "./permissions";
import { STEP_PATHS as STEPS, type PendingStep } from "./steps";
import { relyingPartyFrom, type RelyingParty } from "./webauthn";

// The session behind the cookie, and the redirects pages and actions start with. The JWT only
// names a session; the Session row decides (revoked, expired, idle → signed out) on every
// request. What a caller may do is the data layer's answer (lib/auth/authorize.ts); these only
// send a caller who cannot be served to the right page.

export const STEP_PATHS: Record<PendingStep, string> = STEPS;

/**
 * The client's address and browser, for rate limits, audit rows and the session list: the socket's
 * address, or the entry our own proxies wrote (docs/decisions/015-client-address.md). Never
 * X-Real-IP or an X-Forwarded-For entry the client wrote.
 */
export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return { ip: clientAddress(h, process.env.TRUST_PROXY), userAgent: h.get("user-agent") ?? "" };
}

/**
 * Who the browser believes it is talking to, for a passkey ceremony: AUTH_URL, else the post's own
 * origin when it names the Host addressed; never X-Forwarded-Host (lib/auth/webauthn.ts).
 */
export async function requestRelyingParty(): Promise<RelyingParty | null> {
  return relyingPartyFrom(await headers(), process.env.AUTH_URL);
}

/** The live session of this request, or null. Cached for the request. */
export const getSession = cache(async (): Promise<LiveSession | null> => {
  const sid = await sessionIdOfRequest();
  if (!sid) return null;
  return findLiveSession(sid, now());
});

/** A session at one of the given pending steps (the onboarding pages). */
export async function requireStep(...steps: PendingStep[]): Promise<LiveSession> {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  if (session.pendingStep === null) redirect("/");
  if (!steps.includes(session.pendingStep as PendingStep)) redirect(STEP_PATHS[session.pendingStep as PendingStep]);
  return session;
}

/** A fully signed-in user (password and second factor done). */
export async function requireUser(): Promise<LiveSession> {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  if (session.pendingStep) redirect(STEP_PATHS[session.pendingStep as PendingStep]);
  return session;
}

export function grantsOf(session: LiveSession): string[] {
  return session.user.grants.map((g) => g.permission);
}

export async function requirePermission(permission: Permission): Promise<LiveSession> {
  const session = await requireUser();
  if (!hasPermission({ role: session.user.role, grants: grantsOf(session) }, permission)) redirect("/no-access");
  return session;
}

export async function requireRole(...roles: LiveSession["user"]["role"][]): Promise<LiveSession> {
  const session = await requireUser();
  if (!roles.includes(session.user.role)) redirect("/no-access");
  return session;
}

/** Hands the new session to Auth.js (sets the cookie) and goes to `to`. Throws a redirect. */
export async function completeStep(handoff: string, to: string): Promise<never> {
  await signIn("porth", { handoff, redirectTo: to });
  throw new Error("unreachable: signIn redirects");
}

export async function rememberLocale(language: string | null) {
  if (language === "en" || language === "cy") {
    (await cookies()).set(LOCALE_COOKIE, language, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  }
}
