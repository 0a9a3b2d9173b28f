import { describe, expect, it } from "vitest";
import { formatDate, type DateFormatName } from "./dates";

// Every named format in both locales: British order, 24-hour clock, UK time across BST and GMT.
const summer = new Date("2027-08-17T23:00:00Z"); // 00:00 BST on Wednesday 18 August 2027
const winter = new Date("2026-11-30T10:34:00Z"); // 10:34 GMT on Monday 30 November 2026

const EXPECTED: Record<DateFormatName, [string, string, string]> = {
  // name: [English summer, English winter, Welsh summer]
  date: ["18 August 2027", "30 November 2026", "18 Awst 2027"],
  day: ["Wednesday 18 August 2027", "Monday 30 November 2026", "Dydd Mercher 18 Awst 2027"],
  short: ["18 Aug 2027", "30 Nov 2026", "18 Awst 2027"],
  time: ["00:00", "10:34", "00:00"],
  stamp: ["18 Aug 2027, 00:00", "30 Nov 2026, 10:34", "18 Awst 2027, 00:00"],
  when: [
    "00:00 on Wednesday 18 August 2027",
    "10:34 on Monday 30 November 2026",
    "00:00 ar ddydd Mercher 18 Awst 2027",
  ],
  birth: ["17 August 2027", "30 November 2026", "17 Awst 2027"],
};

describe("named date formats", () => {
  for (const [name, [enSummer, enWinter, cySummer]] of Object.entries(EXPECTED) as [DateFormatName, string[]][]) {
    it(`${name}: English and Welsh, UK time`, () => {
      expect(formatDate(summer, name, "en")).toBe(enSummer);
      expect(formatDate(winter, name, "en")).toBe(enWinter);
      expect(formatDate(summer, name, "cy")).toBe(cySummer);
    });
  }
  it("a calendar date is never shifted by the time zone", () => {
    expect(formatDate("2010-03-05", "date", "en")).toBe("5 March 2010");
    expect(formatDate("2010-07-05", "date", "cy")).toBe("5 Gorffennaf 2010");
  });
});
