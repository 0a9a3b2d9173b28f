// proxy.ts, the coarse gate: decides from the cookie's claims alone (getToken is the stand-in
// for a signed cookie here), never the database.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

const token = vi.hoisted(() => ({ value: null as Record<string, unknown> | null }));
vi.mock("next-auth/jwt", () => ({ getToken: async () => token.value }));

const { proxy } = await import("./proxy");

const call = (path: string) => proxy(new NextRequest(new URL(path, "http://porth.test")));
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
});
