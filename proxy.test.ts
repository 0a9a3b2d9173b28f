// proxy.ts, the coarse gate: decides from the cookie's claims alone (getToken is the stand-in
// for a signed cookie here), never the database.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

const token = vi.hoisted(() => ({ value: null as Record<string, unknown> | null }));
vi.mock("next-auth/jwt", () => ({ getToken: async () => token.value }));

const { proxy, config } = await import("./proxy");

const call = (path: string, init?: { method?: string; headers?: Record<string, string> }) =>
  proxy(new NextRequest(new URL(path, "http://porth.test"), init));
const rewrittenTo = (res: Response) => res.headers.get("x-middleware-rewrite");
const redirectedTo = (res: Response) => res.headers.get("location");

const eo = {
  sid: "s",
  role: "EXAMS_OFFICER",
  step: null,
  perms: ["resources", "a2c", "entries", "results", "manage_users", "question_papers"],
  centreId: "c",
  kind: null,
  rf: Date.parse("2027-08-17T23:00:00Z"),
};
const teacher = { ...eo, role: "USER", perms: ["resources"], rf: null };

afterEach(() => {
  token.value = null;
  vi.unstubAllEnvs();
});

describe("proxy.ts", () => {
  it("sends the signed-out to sign in, and answers 401 on the API", async () => {
    expect(redirectedTo(await call("/centre/users"))).toBe("http://porth.test/sign-in");
    expect((await call("/api/results/file")).status).toBe(401);
    expect(rewrittenTo(await call("/sign-in"))).toBeNull();
  });

  it("lets anyone, signed in or not, reach help, the accessibility statement and the icon", async () => {
    for (const claims of [null, { ...eo, step: "mfa" }, teacher]) {
      token.value = claims;
      for (const path of ["/help", "/accessibility", "/icon.svg"]) {
        const res = await call(path);
        expect(redirectedTo(res), `${path} ${claims?.role ?? "signed out"}`).toBeNull();
        expect(rewrittenTo(res), path).toBeNull();
      }
    }
  });

  it("keeps a session with a pending step on that step", async () => {
    token.value = { ...eo, step: "mfa" };
    expect(redirectedTo(await call("/centre/users"))).toBe("http://porth.test/mfa");
    expect(redirectedTo(await call("/mfa"))).toBeNull();
  });

  it("rewrites a service the claims cannot reach to no-access, naming the path so stale claims can be refreshed", async () => {
    token.value = teacher;
    const res = await call("/centre/users");
    expect(res.status).toBe(403);
    expect(rewrittenTo(res)).toBe("http://porth.test/no-access?from=%2Fcentre%2Fusers");
    expect(rewrittenTo(await call("/board/centres"))).toContain("/no-access");
    token.value = eo;
    expect(rewrittenTo(await call("/centre/users"))).toBeNull();
  });

  it("sends results routes to the results countdown before the caller's release time, and lets them through after", async () => {
    token.value = eo;
    vi.stubEnv("PORTH_FAKE_NOW", "2027-08-17T22:59:59Z");
    expect(rewrittenTo(await call("/results/file"))).toBe("http://porth.test/results");
    expect(rewrittenTo(await call("/results/grade-boundaries"))).toBe("http://porth.test/results");
    vi.stubEnv("PORTH_FAKE_NOW", "2027-08-17T23:00:00Z");
    expect(rewrittenTo(await call("/results/file"))).toBeNull();
  });

  it("puts a per-request script nonce and the security headers on pages, route handlers and redirects", async () => {
    token.value = eo;
    const page = await call("/centre/users");
    const api = await call("/api/results/file?series=2027-06");
    token.value = null;
    const redirect = await call("/centre/users");
    for (const res of [page, api, redirect]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      for (const part of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
        expect(csp).toContain(part);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
    }
    const nonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(page)).not.toBe(nonce(api));
    // The page render is handed the same nonce.
    expect(page.headers.get("x-middleware-request-x-nonce")).toBe(nonce(page));
  });

  it("sends HSTS in production only", async () => {
    expect((await call("/sign-in")).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("NODE_ENV", "production");
    expect((await call("/sign-in")).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("refuses a post from another origin, even with a forged X-Forwarded-Host", async () => {
    token.value = eo;
    const post = (headers: Record<string, string>) => call("/centre/users", { method: "POST", headers });
    const forged = await post({ origin: "https://evil.test", host: "porth.test", "x-forwarded-host": "evil.test" });
    expect(forged.status).toBe(403);
    expect((await post({ host: "porth.test" })).status).toBe(403); // no Origin at all
    expect((await post({ origin: "http://porth.test", host: "porth.test" })).status).not.toBe(403);
    // With a configured public origin, only that origin.
    vi.stubEnv("AUTH_URL", "https://portal.example.org");
    expect((await post({ origin: "http://porth.test", host: "porth.test" })).status).toBe(403);
    expect((await post({ origin: "https://portal.example.org", host: "porth.test" })).status).not.toBe(403);
    // The A2C API authenticates a bearer key, not a cookie: no Origin needed.
    expect((await call("/api/a2c/v1/results", { method: "POST", headers: { host: "porth.test" } })).status).not.toBe(
      403,
    );
  });

  it("gates every path except Next's own build files, whatever the path ends with", () => {
    const pattern = new RegExp(`^${config.matcher[0]}$`);
    for (const gated of ["/centre/users/x.js", "/results/a.css", "/entries/logo.png", "/", "/api/results/file"])
      expect(pattern.test(gated), gated).toBe(true);
    for (const free of ["/_next/static/chunks/main.js", "/_next/image", "/favicon.ico"])
      expect(pattern.test(free), free).toBe(false);
  });

  it("answers 400 to a NUL byte or malformed UTF-8 in the address, before anything else runs", async () => {
    for (const bad of ["/api/a2c/v1/results?series=%00", "/api/entries/export?series=a%00b"]) {
      const res = await call(bad);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toEqual({ error: "invalid", reason: "badBytes" });
    }
    for (const bad of ["/results?q=%E0%A4%A", "/x%00"]) {
      const res = await call(bad);
      expect(res.status, bad).toBe(400);
      expect(await res.text()).toMatch(/not allowed[\s\S]*nad yw'n cael ei ganiatáu/);
    }
    expect((await call("/results?q=caf%C3%A9")).status).not.toBe(400);
  });
});
