import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("password rules", () => {
  it("needs 10 to 128 characters, with no composition rules", () => {
    expect(checkPassword("short pass")).toBeNull(); // exactly 10, only lower case and a space
    expect(checkPassword("shortpass")).toBe("tooShort");
    expect(checkPassword("x".repeat(128).replace(/x/g, (_, i) => String.fromCharCode(97 + (i % 26))))).toBeNull();
    expect(checkPassword("a".repeat(129))).toBe("tooLong");
  });

  it("refuses common passwords, also with digits added", () => {
    expect(checkPassword("password12")).toBe("common");
    expect(checkPassword("1234567890")).toBe("common");
    expect(checkPassword("Password123!")).toBe("common");
    expect(checkPassword("correct horse battery")).toBeNull();
  });

  it("refuses the portal, board and centre names, whatever the case or accents", () => {
    expect(checkPassword("my-PORTH-login-2027")).toBe("containsName");
    expect(checkPassword("ysgolgyfunaberafon!", { names: ["Ysgol Gyfun Aberafon"] })).toBe("containsName");
    expect(checkPassword("mountain river stone", { names: ["Ysgol Gyfun Aberafon"] })).toBeNull();
  });

  it("refuses the email's local part", () => {
    expect(checkPassword("eleri.jones-secret", { email: "eleri.jones@68101.test" })).toBe("containsEmail");
  });
});
