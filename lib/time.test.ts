import { describe, expect, it } from "vitest";
import { addMonths, defaultRelease, defaultRestrictedRelease, londonTime } from "./time";

describe("Europe/London times", () => {
  it("converts wall-clock times in BST and GMT", () => {
    expect(londonTime(2027, 8, 19, 8).toISOString()).toBe("2027-08-19T07:00:00.000Z"); // BST
    expect(londonTime(2027, 1, 14, 8).toISOString()).toBe("2027-01-14T08:00:00.000Z"); // GMT
    // Either side of the clock changes (28 March and 31 October 2027).
    expect(londonTime(2027, 3, 28, 0).toISOString()).toBe("2027-03-28T00:00:00.000Z");
    expect(londonTime(2027, 3, 28, 3).toISOString()).toBe("2027-03-28T02:00:00.000Z");
    expect(londonTime(2027, 10, 31, 0).toISOString()).toBe("2027-10-30T23:00:00.000Z");
    expect(londonTime(2027, 10, 31, 8).toISOString()).toBe("2027-10-31T08:00:00.000Z");
  });

  it("puts restricted release at 00:00 the day before results day, and release at 08:00 on it", () => {
    const summer = new Date(Date.UTC(2027, 7, 19));
    expect(defaultRestrictedRelease(summer).toISOString()).toBe("2027-08-17T23:00:00.000Z");
    expect(defaultRelease(summer).toISOString()).toBe("2027-08-19T07:00:00.000Z");
    const winter = new Date(Date.UTC(2027, 0, 14));
    expect(defaultRestrictedRelease(winter).toISOString()).toBe("2027-01-13T00:00:00.000Z");
    expect(defaultRelease(winter).toISOString()).toBe("2027-01-14T08:00:00.000Z");
  });

  it("adds calendar months for invite expiry, clamping to the month's end", () => {
    expect(addMonths(new Date("2026-11-22T10:00:00Z"), 2).toISOString()).toBe("2027-01-22T10:00:00.000Z");
    expect(addMonths(new Date("2026-12-31T10:00:00Z"), 2).toISOString()).toBe("2027-02-28T10:00:00.000Z");
  });
});
