import { describe, expect, it } from "vitest";
import { secureCookiesOn, sessionCookieName } from "./cookie";

describe("the session cookie", () => {
  it("is a __Host- cookie in production, and a plain one in development or on a plain-HTTP test LAN", () => {
    expect(sessionCookieName(secureCookiesOn({ NODE_ENV: "production" }))).toBe("__Host-authjs.session-token");
    expect(sessionCookieName(secureCookiesOn({ NODE_ENV: "development" }))).toBe("authjs.session-token");
    expect(secureCookiesOn({ NODE_ENV: "production", AUTH_INSECURE_COOKIES: "true" })).toBe(false);
  });
});
