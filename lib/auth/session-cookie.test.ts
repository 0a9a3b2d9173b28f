import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionCookie } from "./session-cookie";

const secret = "a-test-secret-of-some-length-0123456789";
const salt = "authjs.session-token";

async function cookie(claims: Record<string, unknown>, maxAge = 3600) {
  return encode({ token: claims, secret, salt, maxAge });
}

afterEach(() => vi.useRealTimers());

describe("the session cookie", () => {
  it("opens to the claims it was made with, and again from memory", async () => {
    const token = await cookie({ sid: "s-1", role: "EXAMS_OFFICER" });
    expect(await decodeSessionCookie({ token, secret, salt })).toMatchObject({ sid: "s-1", role: "EXAMS_OFFICER" });
    expect(await decodeSessionCookie({ token, secret, salt })).toMatchObject({ sid: "s-1" });
  });

  it("does not open with another secret or salt, even when the right one opened it before", async () => {
    const token = await cookie({ sid: "s-2" });
    await decodeSessionCookie({ token, secret, salt });
    await expect(decodeSessionCookie({ token, secret: `${secret}-other`, salt })).rejects.toThrow();
    await expect(decodeSessionCookie({ token, secret, salt: "__Host-authjs.session-token" })).rejects.toThrow();
  });

  it("is not opened once it has expired, though it was opened and remembered before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-08-19T07:00:00Z"));
    const token = await cookie({ sid: "s-3" }, 30);
    expect(await decodeSessionCookie({ token, secret, salt })).toMatchObject({ sid: "s-3" });
    vi.setSystemTime(new Date("2027-08-19T07:01:00Z"));
    await expect(decodeSessionCookie({ token, secret, salt })).rejects.toThrow();
  });

  it("answers a tampered or missing cookie with no session", async () => {
    const token = await cookie({ sid: "s-4" });
    await expect(decodeSessionCookie({ token: `${token.slice(0, -2)}xx`, secret, salt })).rejects.toThrow();
    expect(await decodeSessionCookie({ token: undefined, secret, salt })).toBeNull();
  });
});
