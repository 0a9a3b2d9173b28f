import { describe, expect, it } from "vitest";
import { csvCell, csvLine, parseCsv } from "./csv";

describe("results CSV encoding", () => {
  it("writes plain text and numbers as they are", () => {
    expect(csvLine(["68101", "Jones", 42, null, undefined])).toBe("68101,Jones,42,,\r\n");
  });

  it("quotes cells with commas, quotes, CR or LF and doubles the quotes (RFC 4180)", () => {
    expect(csvCell("Jones, Siân")).toBe('"Jones, Siân"');
    expect(csvCell('The "Latin" paper')).toBe('"The ""Latin"" paper"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("leaves apostrophes and Welsh letters alone", () => {
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(csvCell("Ŵyn ap Rhys")).toBe("Ŵyn ap Rhys");
  });

  it.each(["=SUM(A1:A9)", "+44 1234", "-2+3", "@cmd", '=HYPERLINK("http://x")'])(
    "guards %s against formula injection with a leading quote",
    (value) => {
      const cell = csvCell(value);
      expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
      expect(cell).toContain(value.replace(/"/g, '""'));
    },
  );

  it("quotes a guarded cell that also needs quoting", () => {
    expect(csvCell('=1,"2"')).toBe(`"'=1,""2"""`);
  });

  it("does not guard numbers (a negative number stays a number)", () => {
    expect(csvCell(-3)).toBe("-3");
  });

  it("keeps the component-marks column intact", () => {
    expect(csvLine(["9521/01:54;9521/02:61"])).toBe("9521/01:54;9521/02:61\r\n");
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, a BOM and CRLF, and skips blank lines", () => {
    expect(parseCsv('\uFEFFcandidate,spec\r\n0001,"9521"\r\n\r\n"00,02","say ""hi""\nthere"\n')).toEqual([
      ["candidate", "spec"],
      ["0001", "9521"],
      ["00,02", 'say "hi"\nthere'],
    ]);
  });

  it("refuses malformed quoting rather than guessing", () => {
    expect(() => parseCsv('0001,"9521\n0002,9522')).toThrow();
  });
});
