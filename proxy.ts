import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { canUseService, findServiceForPath } from "@/lib/services/catalogue";
import type { Role } from "@/lib/generated/prisma/enums";
import { STEP_PATHS } from "@/lib/auth/steps";
import { now } from "@/lib/clock";

// Next 16's name for middleware.ts. The first, coarse and optimistic gate (STYLE.md
// §Authorization): it reads only the signed session cookie — never the database. Every page,
// action and route handler re-checks the live session, permission, centre and clock.

const PUBLIC = ["/sign-in", "/appointee/sign-in", "/forgot-password", "/api/auth", "/api/health", "/api/a2c"];
const ONBOARDING: string[] = Object.values(STEP_PATHS);

const matches = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (PUBLIC.some((p) => matches(path, p))) return NextResponse.next();
  if (matches(path, "/dev")) return NextResponse.next(); // the page itself refuses in production

  const secureCookie = process.env.NODE_ENV === "production" && process.env.AUTH_INSECURE_COOKIES !== "true";
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie });
  const to = (target: string) => NextResponse.redirect(new URL(target, request.url));

  if (!token?.sid) {
    if (matches(path, "/api")) return NextResponse.json({ error: "unauthorised" }, { status: 401 });
    return to("/sign-in");
  }
  const step = typeof token.step === "string" ? token.step : null;
  // A password or MFA step pending → that step, and nothing else.
  if (step) {
    const stepPath = STEP_PATHS[step as keyof typeof STEP_PATHS] ?? "/sign-in";
    if (path === stepPath || path === "/sign-out") return NextResponse.next();
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
      return NextResponse.rewrite(target, { status: 403 });
    }
    // Results before the caller's release time: the results page, which shows the countdown.
    const resultsFrom = typeof token.rf === "number" ? token.rf : null;
    if (service.section === "results" && path !== "/results" && resultsFrom !== null && now().getTime() < resultsFrom) {
      return NextResponse.rewrite(new URL("/results", request.url));
    }
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|css|js)$).*)"],
};
