import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/i18n/dates";
import {
  calendarDateString,
  londonFields,
  parseCalendarDate,
  readLondonDateTime,
  releaseInstants,
  SERIES_CODE,
  seriesTimesProblem,
} from "./series-times";

// London wall-clock dates and times of a series → UTC instants, across both clock changes of
// 2026 (BST from 01:00 GMT on Sunday 29 March, GMT again from 02:00 BST on Sunday 25 October).

const instant = (date: string, time: string) => {
  const r = readLondonDateTime(date, time);
  if (r.kind !== "instant") throw new Error(`${date} ${time}: ${JSON.stringify(r)}`);
  return r.at.toISOString();
};
const day = (s: string) => parseCalendarDate(s)!;

describe("a London date and time as a UTC instant", () => {
  it("at the spring change: 00:00 on 29 March 2026 is still GMT, 08:00 that day is BST", () => {
    expect(instant("2026-03-29", "00:00")).toBe("2026-03-29T00:00:00.000Z");
    expect(instant("2026-03-29", "00:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(instant("2026-03-29", "02:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(instant("2026-03-29", "08:00")).toBe("2026-03-29T07:00:00.000Z");
    expect(instant("2026-03-28", "08:00")).toBe("2026-03-28T08:00:00.000Z");
  });

  it("at the autumn change: 00:00 on 25 October 2026 is still BST, 08:00 that day is GMT", () => {
    expect(instant("2026-10-25", "00:00")).toBe("2026-10-24T23:00:00.000Z");
    expect(instant("2026-10-25", "08:00")).toBe("2026-10-25T08:00:00.000Z");
    expect(instant("2026-10-24", "08:00")).toBe("2026-10-24T07:00:00.000Z");
    // 01:30 happens twice that night; it is read as the second, GMT, one.
    expect(instant("2026-10-25", "01:30")).toBe("2026-10-25T01:30:00.000Z");
  });

  it("in August (BST) and in January (GMT)", () => {
    expect(instant("2027-08-18", "00:00")).toBe("2027-08-17T23:00:00.000Z");
    expect(instant("2027-01-15", "00:00")).toBe("2027-01-15T00:00:00.000Z");
  });

  it("refuses a time the clocks skip, rather than moving it", () => {
    expect(readLondonDateTime("2026-03-29", "01:00")).toEqual({
      kind: "problem",
      field: "time",
      problem: "seriesTimeSkipped",
    });
    expect(readLondonDateTime("2026-03-29", "01:59")).toMatchObject({ problem: "seriesTimeSkipped" });
  });

  it("says which half is missing or wrong, and that both blank is blank", () => {
    expect(readLondonDateTime("", "")).toEqual({ kind: "blank" });
    expect(readLondonDateTime(" ", " ")).toEqual({ kind: "blank" });
    expect(readLondonDateTime("", "08:00")).toMatchObject({ field: "date", problem: "seriesDateRequired" });
    expect(readLondonDateTime("2027-08-19", "")).toMatchObject({ field: "time", problem: "seriesTimeRequired" });
    expect(readLondonDateTime("2027-02-30", "08:00")).toMatchObject({ field: "date", problem: "seriesDateInvalid" });
    expect(readLondonDateTime("19/08/2027", "08:00")).toMatchObject({ field: "date", problem: "seriesDateInvalid" });
    expect(readLondonDateTime("2027-08-19", "24:00")).toMatchObject({ field: "time", problem: "seriesTimeInvalid" });
    expect(readLondonDateTime("2027-08-19", "8am")).toMatchObject({ field: "time", problem: "seriesTimeInvalid" });
  });

  it("reads an upload's BST and GMT times, and refuses what names no instant (lib/board/uploads.ts's forms)", () => {
    expect(instant("2027-06-15", "08:30")).toBe("2027-06-15T07:30:00.000Z");
    expect(instant("2027-01-12", "09:00")).toBe("2027-01-12T09:00:00.000Z");
    expect(londonFields(new Date("2027-06-15T07:30:00Z"))).toEqual({ date: "2027-06-15", time: "08:30" });
    expect(londonFields(new Date("2027-01-12T09:00:00Z"))).toEqual({ date: "2027-01-12", time: "09:00" });
    for (const [date, time] of [
      ["2027-02-30", "09:00"],
      ["2027-13-01", "09:00"],
      ["15/06/2027", "09:00"],
      ["2027-06-15", "24:00"],
      ["2027-06-15", "8:30"],
      ["2027-06-15", ""],
      ["", "08:30"],
      ["2027-03-28", "01:30"], // 01:00–01:59 does not happen on 28 March 2027
    ])
      expect(readLondonDateTime(date, time).kind, `${date} ${time}`).toBe("problem");
    // The hour that happens twice in October is read as the second (GMT) one.
    expect(instant("2027-10-31", "01:30")).toBe("2027-10-31T01:30:00.000Z");
  });

  it("is shown back in UK time as it was typed", () => {
    for (const [date, time] of [
      ["2026-03-29", "00:00"],
      ["2026-03-29", "08:00"],
      ["2026-10-25", "00:00"],
      ["2026-10-25", "08:00"],
      ["2027-08-19", "08:00"],
    ]) {
      const r = readLondonDateTime(date, time);
      if (r.kind !== "instant") throw new Error("not an instant");
      expect(londonFields(r.at)).toEqual({ date, time });
    }
    const at = new Date(instant("2026-10-25", "00:00"));
    expect(formatDate(at, "when", "en")).toBe("00:00 on Sunday 25 October 2026");
    expect(formatDate(at, "when", "cy")).toBe("00:00 ar ddydd Sul 25 Hydref 2026");
  });
});

describe("the default release times", () => {
  const defaults = (resultsDay: string) => {
    const r = releaseInstants(day(resultsDay), {});
    return [r.restrictedReleaseAt.toISOString(), r.releaseAt.toISOString()];
  };

  it("results day in August (BST): 00:00 BST the day before, 08:00 BST on the day", () => {
    expect(defaults("2027-08-19")).toEqual(["2027-08-17T23:00:00.000Z", "2027-08-19T07:00:00.000Z"]);
  });

  it("restricted release at 00:00 on 29 March 2026: GMT that midnight, BST by 08:00 on results day", () => {
    expect(defaults("2026-03-30")).toEqual(["2026-03-29T00:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
  });

  it("results day on the spring change itself: GMT the night before, BST at 08:00", () => {
    expect(defaults("2026-03-29")).toEqual(["2026-03-28T00:00:00.000Z", "2026-03-29T07:00:00.000Z"]);
  });

  it("restricted release at 00:00 on 25 October 2026: still BST, and GMT on results day", () => {
    expect(defaults("2026-10-26")).toEqual(["2026-10-24T23:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
  });

  it("results day on the autumn change itself: BST the night before, GMT at 08:00", () => {
    expect(defaults("2026-10-25")).toEqual(["2026-10-23T23:00:00.000Z", "2026-10-25T08:00:00.000Z"]);
  });

  it("keeps a time the board gave", () => {
    const given = new Date("2027-08-18T05:00:00Z");
    expect(releaseInstants(day("2027-08-19"), { restrictedReleaseAt: given }).restrictedReleaseAt).toBe(given);
  });
});

describe("the rules of a series' times", () => {
  const base = {
    resultsDay: day("2027-08-19"),
    restrictedReleaseAt: new Date("2027-08-17T23:00:00Z"),
    releaseAt: new Date("2027-08-19T07:00:00Z"),
    entryDeadline: new Date("2027-02-21T23:59:00Z"),
  };

  it("accepts the defaults, and a restricted release at the release itself", () => {
    expect(seriesTimesProblem(base)).toBeNull();
    expect(seriesTimesProblem({ ...base, restrictedReleaseAt: base.releaseAt })).toBeNull();
  });

  it("refuses a restricted release after the release", () => {
    expect(seriesTimesProblem({ ...base, restrictedReleaseAt: new Date("2027-08-19T07:01:00Z") })).toEqual({
      field: "restrictedDate",
      reason: "seriesRestrictedAfterRelease",
    });
  });

  it("refuses an entry deadline at or after the restricted release", () => {
    expect(seriesTimesProblem({ ...base, entryDeadline: base.restrictedReleaseAt })).toEqual({
      field: "entryDeadlineDate",
      reason: "seriesEntryDeadlineAfterRelease",
    });
  });
});

describe("codes and calendar dates", () => {
  it("a series code is a year and a month", () => {
    for (const ok of ["2027-06", "2026-11", "2030-01", "2030-12"]) expect(SERIES_CODE.test(ok), ok).toBe(true);
    for (const bad of ["2027-6", "2027-13", "2027-00", "June 2027", "2027-06 ", "202706", "2027-06-01"])
      expect(SERIES_CODE.test(bad), bad).toBe(false);
  });

  it("a calendar date is real and round-trips", () => {
    expect(calendarDateString(day("2028-02-29"))).toBe("2028-02-29");
    expect(parseCalendarDate("2027-02-29")).toBeNull();
    expect(parseCalendarDate("1999-12-31")).toBeNull();
  });
});
