import { describe, expect, it } from "vitest";
import { approvalExpiry, expiringSoonBound, expiryState } from "./expiry";

// 26 calendar months by the UK calendar, expiring at 00:00 London, across the clock changes.

describe("an approval's expiry", () => {
  it("is 00:00 London 26 months after the day it was decided, in BST when that day is in summer", () => {
    // Decided 10:00 BST on Thursday 15 April 2027 → 00:00 BST on Friday 15 June 2029.
    expect(approvalExpiry(new Date("2027-04-15T09:00:00Z")).toISOString()).toBe("2029-06-14T23:00:00.000Z");
  });

  it("is in GMT when the expiry day is in winter, though decided in summer", () => {
    // Decided 14:00 BST on 1 September 2027 → 00:00 GMT on 1 November 2029.
    expect(approvalExpiry(new Date("2027-09-01T13:00:00Z")).toISOString()).toBe("2029-11-01T00:00:00.000Z");
  });

  it("counts from the London day, not the UTC one, just after midnight in BST", () => {
    // 00:30 BST on 1 September 2027 is 23:30 UTC on 31 August: still 1 September in the UK.
    expect(approvalExpiry(new Date("2027-08-31T23:30:00Z")).toISOString()).toBe("2029-11-01T00:00:00.000Z");
  });

  it("is in BST when decided in winter and the expiry falls in summer", () => {
    // The clocks go forward on 25 March 2029: an expiry on 20 March is at 00:00 GMT, one on
    // 30 March at 00:00 BST.
    expect(approvalExpiry(new Date("2027-01-20T09:00:00Z")).toISOString()).toBe("2029-03-20T00:00:00.000Z");
    expect(approvalExpiry(new Date("2027-01-30T09:00:00Z")).toISOString()).toBe("2029-03-29T23:00:00.000Z");
  });

  it("falls on the month's last day when that month is shorter", () => {
    // 31 December 2027 + 26 months = February 2030, which has 28 days.
    expect(approvalExpiry(new Date("2027-12-31T12:00:00Z")).toISOString()).toBe("2030-02-28T00:00:00.000Z");
  });
});

describe("the state of an approval", () => {
  const expires = new Date("2029-11-01T00:00:00Z"); // 00:00 GMT on 1 November 2029

  it("is current until 3 months before, expiring soon from then, expired from the instant itself", () => {
    expect(expiryState(expires, new Date("2029-07-31T22:59:59Z"))).toBe("current");
    // 00:00 BST on 1 August 2029 + 3 months = 00:00 GMT on 1 November.
    expect(expiryState(expires, new Date("2029-07-31T23:00:00Z"))).toBe("expiringSoon");
    expect(expiryState(expires, new Date("2029-10-31T23:59:59Z"))).toBe("expiringSoon");
    expect(expiryState(expires, expires)).toBe("expired");
  });

  it("reads the 3 months on the London wall clock", () => {
    expect(expiringSoonBound(new Date("2029-07-31T23:00:00Z")).toISOString()).toBe("2029-11-01T00:00:00.000Z");
  });
});
