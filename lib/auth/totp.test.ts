import { describe, expect, it } from "vitest";
import { checkTotp, totpCode, TOTP_PERIOD } from "./totp";

const SECRET = "JBSWY3DPEHPK3PXP";
const at = new Date("2027-08-18T09:00:15Z");
const step = (d: Date) => Math.floor(d.getTime() / 1000 / TOTP_PERIOD);
const shift = (steps: number) => new Date(at.getTime() + steps * TOTP_PERIOD * 1000);

describe("authenticator-app codes", () => {
  it("accepts the current step and one step either side, never two", async () => {
    for (const s of [-1, 0, 1]) {
      const check = await checkTotp(SECRET, await totpCode(SECRET, shift(s)), at, null);
      expect(check).toEqual({ ok: true, step: step(shift(s)) });
    }
    for (const s of [-2, 2])
      expect((await checkTotp(SECRET, await totpCode(SECRET, shift(s)), at, null)).ok).toBe(false);
  });

  it("never accepts the same step twice, and says it was a replay", async () => {
    const code = await totpCode(SECRET, at);
    const first = await checkTotp(SECRET, code, at, null);
    expect(first.ok).toBe(true);
    const again = await checkTotp(SECRET, code, at, step(at));
    expect(again).toEqual({ ok: false, replay: true });
    // An older step than the last used is refused too.
    expect((await checkTotp(SECRET, await totpCode(SECRET, shift(-1)), at, step(at))).ok).toBe(false);
    // The next step is fine.
    expect((await checkTotp(SECRET, await totpCode(SECRET, shift(1)), shift(1), step(at))).ok).toBe(true);
  });

  it("answers (refuses) rather than fails when the last used step is ahead of the server's clock", async () => {
    // A code was used at a later time than the server's clock now reads (the clock went back).
    const later = step(shift(5));
    const code = await totpCode(SECRET, at);
    expect(await checkTotp(SECRET, code, at, later)).toEqual({ ok: false, replay: true });
    expect(await checkTotp(SECRET, "000000", at, later)).toEqual({ ok: false, replay: false });
  });

  it("refuses anything that is not six digits", async () => {
    expect((await checkTotp(SECRET, "12345", at, null)).ok).toBe(false);
    expect((await checkTotp(SECRET, "abcdef", at, null)).ok).toBe(false);
  });
});
