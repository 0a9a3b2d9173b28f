import { describe, expect, it } from "vitest";
import { CHALLENGE_TTL_MS, challengeOf, counterGoesBack, relyingPartyFrom, storedChallenge } from "./webauthn";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the relying party of a request", () => {
  it("is the configured public origin when there is one, whatever the request says", () => {
    const h = headers({ host: "evil.example", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(relyingPartyFrom(h, "https://porth.example.org/some/path")).toEqual({
      rpID: "porth.example.org",
      origin: "https://porth.example.org",
    });
  });

  it("is otherwise the post's own origin, only when it names the Host the browser addressed", () => {
    expect(relyingPartyFrom(headers({ host: "localhost:3100", origin: "http://localhost:3100" }), undefined)).toEqual({
      rpID: "localhost",
      origin: "http://localhost:3100",
    });
    expect(relyingPartyFrom(headers({ host: "porth.test", origin: "https://elsewhere.test" }), undefined)).toBeNull();
    expect(relyingPartyFrom(headers({ host: "porth.test" }), undefined)).toBeNull();
    expect(relyingPartyFrom(headers({ host: "porth.test", origin: "null" }), undefined)).toBeNull();
  });

  it("never reads X-Forwarded-Host", () => {
    const h = headers({ host: "porth.test", origin: "https://phish.test", "x-forwarded-host": "phish.test" });
    expect(relyingPartyFrom(h, undefined)).toBeNull();
    const own = headers({ host: "porth.test", origin: "https://porth.test", "x-forwarded-host": "phish.test" });
    expect(relyingPartyFrom(own, undefined)).toEqual({ rpID: "porth.test", origin: "https://porth.test" });
  });
});

describe("a session's challenge", () => {
  const at = new Date("2027-03-01T09:00:00Z");
  const later = (ms: number) => new Date(at.getTime() + ms);

  it("is good for its own ceremony within the time allowed", () => {
    const stored = storedChallenge("get", "abc_DEF-123", at);
    expect(challengeOf(stored, "get", later(CHALLENGE_TTL_MS))).toBe("abc_DEF-123");
    expect(challengeOf(stored, "create", at)).toBeNull();
    expect(challengeOf(stored, "get", later(CHALLENGE_TTL_MS + 1))).toBeNull();
    expect(challengeOf(stored, "get", later(-1))).toBeNull();
  });

  it("is nothing when there is none or it is malformed", () => {
    expect(challengeOf(null, "get", at)).toBeNull();
    expect(challengeOf("get:notatime:abc", "get", at)).toBeNull();
    expect(challengeOf(`get:${at.getTime()}:a b`, "get", at)).toBeNull();
  });
});

describe("the signature counter", () => {
  it("must move forward once either side keeps one", () => {
    expect(counterGoesBack(0n, 0)).toBe(false);
    expect(counterGoesBack(0n, 1)).toBe(false);
    expect(counterGoesBack(5n, 6)).toBe(false);
    expect(counterGoesBack(5n, 5)).toBe(true);
    expect(counterGoesBack(5n, 3)).toBe(true);
    expect(counterGoesBack(5n, 0)).toBe(true);
  });
});
