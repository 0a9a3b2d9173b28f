import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { canUseService, findServiceForPath } from "@/lib/services/catalogue";
import type { Role } from "@/lib/generated/prisma/enums";
import { STEP_PATHS } from "@/lib/auth/steps";
import { secureCookiesOn, sessionCookieName } from "@/lib/auth/cookie";
import { decodeSessionCookie } from "@/lib/auth/session-cookie";
import { now } from "@/lib/clock";
import en from "@/lib/i18n/messages/en.json";
import cy from "@/lib/i18n/messages/cy.json";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/http/security-headers";

// Next 16's name for middleware.ts. The first, coarse and optimistic gate
// (docs/decisions/008-authorization-matrix.md): it reads only the signed session cookie — never the database. Every page,
// action and route handler re-checks the live session, permission, centre and clock.

const PUBLIC = [
  "/sign-in",
  "/appointee/sign-in",
  "/forgot-password",
  // Help, the accessibility statement and the browser-tab icon (app/icon.svg) are for everyone.
  "/help",
  "/accessibility",
  "/icon.svg",
  "/api/auth",
  "/api/health",
  "/api/a2c",
];
const ONBOARDING: string[] = Object.values(STEP_PATHS);

const matches = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Posts that carry no session cookie's authority: the A2C API (a bearer key) and Auth.js (its own CSRF token). */
const NO_ORIGIN_CHECK = ["/api/a2c", "/api/auth"];

/**
 * Whether a state-changing request comes from the portal's own pages. The allowed host is the
 * configured public origin (AUTH_URL) or else the Host the browser addressed; X-Forwarded-Host,
 * which any client can write, is never consulted. A browser always sends Origin on a POST.
 */
export function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const configured = process.env.AUTH_URL;
  const allowed = configured ? new URL(configured).host : request.headers.get("host");
  return Boolean(allowed) && host === allowed;
}

const BAD_BYTES_TEXT = `${en.errors.badBytes}\n\n${cy.errors.badBytes}\n`;

/** A NUL byte or malformed UTF-8 anywhere in the address: refused before any page or handler sees it. */
export function hasBadBytes(url: string): boolean {
  const raw = url.slice(url.indexOf("/", url.indexOf("//") + 2));
  if (/%00|\u0000/i.test(raw)) return true;
  try {
    decodeURIComponent(raw.replace(/\+/g, " "));
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const response = await gate(request, nonce);
  const production = process.env.NODE_ENV === "production";
  for (const [key, value] of Object.entries(staticSecurityHeaders(production))) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(nonce, !production));
  return response;
}

async function gate(request: NextRequest, nonce: string): Promise<NextResponse> {
  const path = request.nextUrl.pathname;
  // The page render reads the nonce from the request's own CSP header and puts it on its scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production"));
  const next = () => NextResponse.next({ request: { headers: forwarded } });
  const rewrite = (target: URL, status?: number) =>
    NextResponse.rewrite(target, { request: { headers: forwarded }, ...(status ? { status } : {}) });

  if (hasBadBytes(request.url)) {
    if (matches(path, "/api")) return NextResponse.json({ error: "invalid", reason: "badBytes" }, { status: 400 });
    // No page can be rendered for such an address; the message is in both languages.
    return new NextResponse(BAD_BYTES_TEXT, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const safe = request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS";
  if (!safe && !NO_ORIGIN_CHECK.some((p) => matches(path, p)) && !sameOrigin(request)) {
    return NextResponse.json({ error: "forbidden", reason: "crossOrigin" }, { status: 403 });
  }
  if (PUBLIC.some((p) => matches(path, p))) return next();
  if (matches(path, "/dev")) return next(); // the page itself refuses in production

  const secureCookie = secureCookiesOn();
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET,
    secureCookie,
    cookieName: sessionCookieName(secureCookie),
    decode: decodeSessionCookie,
  });
  const to = (target: string) => NextResponse.redirect(new URL(target, request.url));

  if (!token?.sid) {
    if (matches(path, "/api")) return NextResponse.json({ error: "unauthorised" }, { status: 401 });
    return to("/sign-in");
  }
  const step = typeof token.step === "string" ? token.step : null;
  // A password or MFA step pending → that step, and nothing else.
  if (step) {
    const stepPath = STEP_PATHS[step as keyof typeof STEP_PATHS] ?? "/sign-in";
    if (path === stepPath || path === "/sign-out") return next();
    return to(stepPath);
  }
  if (ONBOARDING.includes(path)) return to("/");

  // Services the role or permissions cannot reach → "you don't have access".
  const service = findServiceForPath(path);
  if (service) {
    const subject = {
      role: token.role as Role,
      grants: Array.isArray(token.perms) ? (token.perms as string[]) : [],
      appointeeType: (token.kind as "EXAMINER" | "MODERATOR" | null) ?? null,
    };
    if (!canUseService(subject, service)) {
      // The cookie's permissions may be older than a change the EO just made: /no-access checks
      // the live session and, if the service is in fact allowed now, refreshes the cookie.
      const target = new URL("/no-access", request.url);
      target.searchParams.set("from", path);
      return rewrite(target, 403);
    }
    // Results before the caller's release time: the results page, which shows the countdown.
    const resultsFrom = typeof token.rf === "number" ? token.rf : null;
    if (service.section === "results" && path !== "/results" && resultsFrom !== null && now().getTime() < resultsFrom) {
      return rewrite(new URL("/results", request.url));
    }
  }
  return next();
}

export const config = {
  // Everything but Next's own build files: a path that merely ends in ".js" or ".png" is gated.
  matcher: ["/((?!_next/static/|_next/image|favicon.ico$|robots.txt$).*)"],
};
