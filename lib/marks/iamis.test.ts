import { describe, expect, it } from "vitest";
import { checkMarksFile, markDeadlineOf, pastDeadline, sheetState } from "./iamis";

const shape = { maxMark: 60, questions: [] };
const entries = new Map([
  ["0001", "e1"],
  ["0002", "e2"],
  ["0003", "e3"],
]);
const entryOf = (n: string) => entries.get(n) ?? null;

describe("a sheet's state", () => {
  it("is not started until a mark is entered, then in progress, then as submitted or moderated", () => {
    expect(sheetState("OPEN", 0)).toBe("notStarted");
    expect(sheetState("OPEN", 3)).toBe("inProgress");
    expect(sheetState("SUBMITTED", 3)).toBe("submitted");
    expect(sheetState("MODERATED", 3)).toBe("moderated");
  });

  it("takes the series' deadline for the component over the component's own", () => {
    const own = new Date("2027-05-05T22:59:00Z");
    const series = new Date("2027-05-12T11:00:00Z");
    expect(markDeadlineOf(series, own)).toBe(series);
    expect(markDeadlineOf(null, own)).toBe(own);
    expect(markDeadlineOf(undefined, null)).toBeNull();
    expect(pastDeadline(own, new Date("2027-05-05T22:59:00Z"))).toBe(false);
    expect(pastDeadline(own, new Date("2027-05-05T22:59:01Z"))).toBe(true);
    expect(pastDeadline(null, new Date("2099-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("a file of marks", () => {
  it("reads numbers and codes, pads candidate numbers and allows a heading line", () => {
    const r = checkMarksFile("candidate_number,mark\r\n1,34\n0002,a\n3,W\n", shape, entryOf);
    if ("error" in r) throw new Error(r.error);
    expect(r.invalid).toBe(0);
    expect(r.checked.map((c) => [c.row.candidateNumber, c.entryId, c.value])).toEqual([
      ["0001", "e1", { code: null, total: 34, items: null }],
      ["0002", "e2", { code: "A", total: null, items: null }],
      ["0003", "e3", { code: "W", total: null, items: null }],
    ]);
  });

  it("says what is wrong with each bad line", () => {
    const r = checkMarksFile("1,61\n2,-1\n3,4.5\n9999,10\n1,20\nx,1\n2,\n3,12,extra\n", shape, entryOf);
    if ("error" in r) throw new Error(r.error);
    expect(r.checked.map((c) => c.row.errors)).toEqual([
      ["marks.overMax"],
      ["marks.notAMark"],
      ["marks.notAMark"],
      ["unknownCandidate"],
      ["duplicateRow"],
      ["badRow"],
      ["duplicateRow", "noMark"],
      ["badRow", "duplicateRow"],
    ]);
    expect(r.valid).toBe(0);
  });

  it("refuses an empty, malformed or oversized file as a whole", () => {
    expect(checkMarksFile("", shape, entryOf)).toEqual({ error: "importEmpty" });
    expect(checkMarksFile("candidate_number,mark\n", shape, entryOf)).toEqual({ error: "importEmpty" });
    expect(checkMarksFile('1,"3\n', shape, entryOf)).toEqual({ error: "importMalformed" });
    expect(checkMarksFile("1,1\n".repeat(200_000), shape, entryOf)).toEqual({ error: "importTooLarge" });
  });
});
