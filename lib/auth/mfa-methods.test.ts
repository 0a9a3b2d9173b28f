import { describe, expect, it } from "vitest";
import { describeFactor, passkeyRequiredFor, setupMethods } from "./mfa-methods";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("the second-factor methods offered", () => {
  it("offers a passkey first, then the code methods the deployment has on", () => {
    expect(setupMethods("USER", env({}))).toEqual(["PASSKEY", "TOTP", "SMS", "EMAIL"]);
    expect(setupMethods("ADMIN", env({ MFA_SMS_ENABLED: "false", MFA_EMAIL_ENABLED: "false" }))).toEqual([
      "PASSKEY",
      "TOTP",
    ]);
  });

  it("offers board staff only a passkey when the board requires one", () => {
    const required = env({ MFA_PASSKEY_REQUIRED_FOR_BOARD: "true" });
    expect(passkeyRequiredFor("BOARD_STAFF", required)).toBe(true);
    expect(setupMethods("BOARD_STAFF", required)).toEqual(["PASSKEY"]);
    // Nobody else, and nobody when the setting is off.
    for (const role of ["EXAMS_OFFICER", "ADMIN", "USER", "APPOINTEE"] as const) {
      expect(passkeyRequiredFor(role, required)).toBe(false);
      expect(setupMethods(role, required)).toContain("TOTP");
    }
    expect(passkeyRequiredFor("BOARD_STAFF", env({}))).toBe(false);
    expect(passkeyRequiredFor("BOARD_STAFF", env({ MFA_PASSKEY_REQUIRED_FOR_BOARD: "false" }))).toBe(false);
  });

  it("says nothing of a destination for a passkey", () => {
    expect(describeFactor({ method: "PASSKEY", phone: null }, "a@example.test")).toEqual({
      method: "PASSKEY",
      destination: "",
    });
  });
});
