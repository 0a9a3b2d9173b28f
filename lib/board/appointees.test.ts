import { describe, expect, it } from "vitest";
import { appointeeDomain, appointeeStatus, inAppointeeDomain, parseCentreNumbers, suitsComponent } from "./appointees";

describe("the appointee domain", () => {
  it("is appointees.test unless configured, in lower case", () => {
    expect(appointeeDomain({})).toBe("appointees.test");
    expect(appointeeDomain({ APPOINTEE_EMAIL_DOMAIN: " Examiners.Example.ORG " })).toBe("examiners.example.org");
  });

  it("takes exactly that domain after the last @", () => {
    expect(inAppointeeDomain("gwen@appointees.test", "appointees.test")).toBe(true);
    expect(inAppointeeDomain("gwen@APPOINTEES.test", "appointees.test")).toBe(true);
    expect(inAppointeeDomain("gwen@evil.appointees.test", "appointees.test")).toBe(false);
    expect(inAppointeeDomain("gwen@appointees.test.evil", "appointees.test")).toBe(false);
    expect(inAppointeeDomain("appointees.test@example.test", "appointees.test")).toBe(false);
    expect(inAppointeeDomain("@appointees.test", "appointees.test")).toBe(false);
  });
});

describe("appointees' work", () => {
  it("gives examiners written papers and moderators internally assessed components", () => {
    expect(suitsComponent("EXAMINER", { internallyAssessed: false })).toBe(true);
    expect(suitsComponent("EXAMINER", { internallyAssessed: true })).toBe(false);
    expect(suitsComponent("MODERATOR", { internallyAssessed: true })).toBe(true);
    expect(suitsComponent("MODERATOR", { internallyAssessed: false })).toBe(false);
  });

  it("reads centre numbers separated by spaces, commas or lines, once each", () => {
    expect(parseCentreNumbers(" 68101, 68102\n68101;68103 ")).toEqual({
      numbers: ["68101", "68102", "68103"],
      malformed: false,
    });
    expect(parseCentreNumbers("")).toEqual({ numbers: [], malformed: false });
    expect(parseCentreNumbers("68101 6810").malformed).toBe(true);
    expect(parseCentreNumbers("68101 abcde").malformed).toBe(true);
  });

  it("says deactivated before anything else", () => {
    const invite = { expiresAt: new Date("2027-06-01T00:00:00Z"), acceptedAt: null, withdrawnAt: null };
    const now = new Date("2027-05-01T00:00:00Z");
    expect(
      appointeeStatus({ mustChangePassword: true, lockedUntil: null, invites: [invite], deactivatedAt: now }, now),
    ).toBe("deactivated");
    expect(
      appointeeStatus({ mustChangePassword: true, lockedUntil: null, invites: [invite], deactivatedAt: null }, now),
    ).toBe("invited");
  });
});
