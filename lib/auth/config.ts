import NextAuth from "next-auth";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { now } from "@/lib/clock";
import { exchangeHandoff, findLiveSession } from "@/lib/data/identity/sessions";
import { resultsFromFor } from "@/lib/data/identity/claims";
import type { Role } from "@/lib/generated/prisma/enums";
import { openAppointeeSsoSession } from "@/lib/data/identity/sso";
import { effectivePermissions } from "./permissions";
import { entraTenant } from "./entra";
import { secureCookiesOn, sessionCookieName } from "./cookie";
import { decodeSessionCookie } from "./session-cookie";

// The only place that configures Auth.js (docs/decisions/003-sessions.md). Porth's own data
// layer checks passwords and second factors and opens a Session row; the Credentials provider
// merely exchanges the one-time handoff token for that row's id, which the JWT carries.

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const secureCookies = secureCookiesOn();

/** Microsoft sign-in is offered only with a client id, a secret and one pinned tenant (lib/auth/entra.ts). */
export function entraConfigured(): boolean {
  return Boolean(process.env.AUTH_MICROSOFT_ENTRA_ID_ID && process.env.AUTH_MICROSOFT_ENTRA_ID_SECRET && entraTenant());
}

type Claims = {
  sid: string;
  role: string;
  step: string | null;
  perms: string[];
  centreId: string | null;
  kind: string | null;
  rf: number | null;
};

/** What the signed cookie carries for proxy.ts: a summary, never the authority. */
async function claimsOf(session: {
  id: string;
  pendingStep: string | null;
  user: { role: Role; centreId: string | null; appointeeType: string | null; grants: { permission: string }[] };
}): Promise<Claims> {
  return {
    rf: await resultsFromFor(session.user),
    sid: session.id,
    role: session.user.role,
    step: session.pendingStep,
    perms: effectivePermissions(
      session.user.role,
      session.user.grants.map((g) => g.permission),
    ),
    centreId: session.user.centreId,
    kind: session.user.appointeeType,
  };
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => ({
  trustHost: true,
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: {
      name: sessionCookieName(secureCookies),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { decode: decodeSessionCookie },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "porth",
      credentials: { handoff: {} },
      async authorize(credentials) {
        const handoff = typeof credentials?.handoff === "string" ? credentials.handoff : "";
        if (!handoff) return null;
        const session = await exchangeHandoff(handoff, now());
        if (!session) return null;
        const claims: Claims = await claimsOf(session);
        return { id: session.userId, email: session.user.email, name: session.user.name, ...claims };
      },
    }),
    ...(entraConfigured()
      ? [
          MicrosoftEntraID({
            clientId: process.env.AUTH_MICROSOFT_ENTRA_ID_ID,
            clientSecret: process.env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
            issuer: entraTenant()?.issuer,
          }),
        ]
      : []),
  ],
  callbacks: {
    async jwt({ token, user, account, profile, trigger }) {
      if (account?.provider === "microsoft-entra-id") {
        // Appointees only, from the board's tenant, bound to the Entra object id (lib/data/identity/sso.ts).
        // Entra ID is their second factor.
        const claims = (profile ?? {}) as Record<string, unknown>;
        const opened = await openAppointeeSsoSession(
          { tid: claims.tid, iss: claims.iss, oid: claims.oid, email: claims.email },
          now(),
        );
        if (!opened) return null;
        return { ...token, ...opened };
      }
      if (trigger === "update" && typeof token.sid === "string") {
        // Re-read role, permissions and step from the live session (lib/auth/claims.ts), so
        // proxy.ts's coarse gate follows a change made by the EO or an Admin.
        const live = await findLiveSession(token.sid, now());
        if (!live) return null;
        return { ...token, ...(await claimsOf(live)) };
      }
      if (user && "sid" in user) {
        const u = user as unknown as Claims;
        return {
          ...token,
          sid: u.sid,
          role: u.role,
          step: u.step,
          perms: u.perms,
          centreId: u.centreId,
          kind: u.kind,
          rf: u.rf,
        };
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
}));

/**
 * The Session row id the request's cookie names, or null. Only opens the cookie: Auth.js's
 * `auth()` would also re-issue it, which a page cannot send back (the row decides the session's
 * life, lib/data/identity/sessions.ts).
 */
export async function sessionIdOfRequest(): Promise<string | null> {
  const token = await getToken({
    req: { headers: new Headers(await headers()) },
    secret: process.env.AUTH_SECRET,
    secureCookie: secureCookies,
    cookieName: sessionCookieName(secureCookies),
    decode: decodeSessionCookie,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}
