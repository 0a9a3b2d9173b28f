import { describe, expect, it } from "vitest";
import { codeOrEmpty } from "./codes";

describe("codes", () => {
  it("keeps a code and refuses anything else", () => {
    expect(codeOrEmpty("2027-06")).toBe("2027-06");
    expect(codeOrEmpty("C100U10-1")).toBe("C100U10-1");
    for (const bad of ["", "\u0000", "20\u000027", "a b", "../x", "x".repeat(41), 42, null, ["2027-06"]])
      expect(codeOrEmpty(bad)).toBe("");
  });
});
