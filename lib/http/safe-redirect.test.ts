import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./safe-redirect";

describe("safeRedirectTarget", () => {
  it("keeps a path inside the portal, with its query and fragment", () => {
    expect(safeRedirectTarget("/results?series=2027-06#top")).toBe("/results?series=2027-06#top");
    expect(safeRedirectTarget("/profile/security")).toBe("/profile/security");
    expect(safeRedirectTarget("/a/../b")).toBe("/b");
  });

  it.each([
    ["tab after the slash", "/\t/evil.com"],
    ["encoded tab as received decoded", decodeURIComponent("/%09/evil.com")],
    ["line feed", decodeURIComponent("/%0a/evil.com")],
    ["carriage return", decodeURIComponent("/%0d/evil.com")],
    ["NUL", "/\u0000/evil.com"],
    ["protocol-relative", "//evil.com"],
    ["protocol-relative with a path", "//evil.com/sign-in"],
    ["backslash", "/\\evil.com"],
    ["backslashes", "\\\\evil.com"],
    ["absolute https", "https://evil.com"],
    ["absolute http", "http://evil.com/"],
    ["absolute to the portal's own parsing base", "http://portal.invalid/x"],
    ["javascript scheme", "javascript:alert(1)"],
    ["data scheme", "data:text/html,<script>alert(1)</script>"],
    ["scheme without slashes", "https:evil.com"],
    ["relative path", "evil.com"],
    ["empty", ""],
    ["not a string", 42],
    ["null", null],
  ])("refuses %s", (_name, payload) => {
    expect(safeRedirectTarget(payload)).toBe("/");
    expect(safeRedirectTarget(payload, "/profile")).toBe("/profile");
  });

  it("never returns a target a browser would read as another host", () => {
    const payloads = ["/%09/evil.com", "/%0a/evil.com", "/%0d/evil.com", "/%2F/evil.com", "/%5Cevil.com"];
    for (const p of payloads) {
      const target = safeRedirectTarget(p);
      expect(new URL(target, "https://porth.example").origin, p).toBe("https://porth.example");
      expect(target.startsWith("//")).toBe(false);
    }
  });
});
