import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import {
  csvRecords,
  headerMatches,
  MalformedCsvError,
  parseItemMarks,
  RESULTS_IMPORT_HEADER,
  sniffResultsCsv,
} from "./results-import";

async function records(text: string | Uint8Array[], chunk = 7) {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : null;
  async function* chunks() {
    if (!bytes) {
      yield* text as Uint8Array[];
      return;
    }
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: { fields: string[]; line: number }[] = [];
  for await (const r of csvRecords(chunks(), parseCsv)) out.push(r);
  return out;
}

const HEADER = RESULTS_IMPORT_HEADER.join(",");

describe("reading a results file", () => {
  it("reads plain lines, CRLF or LF, skipping blank ones, with their line numbers, whatever the chunks", async () => {
    for (const chunk of [1, 3, 7, 1000]) {
      expect(
        await records(
          `\uFEFF${HEADER}\r\nresult,68101,0001,9521,7,,,,\r\n\r\ncomponent,68101,0001,9521,,,9521/01,5,2;3\n`,
          chunk,
        ),
      ).toEqual([
        { fields: [...RESULTS_IMPORT_HEADER], line: 1 },
        { fields: ["result", "68101", "0001", "9521", "7", "", "", "", ""], line: 2 },
        { fields: ["component", "68101", "0001", "9521", "", "", "9521/01", "5", "2;3"], line: 4 },
      ]);
    }
  });

  it("reads quoted fields with commas, doubled quotes and line breaks as csv-parse does", async () => {
    expect(await records('a,"b,c","say ""hi"""\r\n"two\r\nlines",x\r\nlast,line')).toEqual([
      { fields: ["a", "b,c", 'say "hi"'], line: 1 },
      { fields: ["two\nlines", "x"], line: 2 }, // a line break inside quotes is read as LF
      { fields: ["last", "line"], line: 4 },
    ]);
  });

  it("says where quoting breaks the file", async () => {
    await expect(records('ok,1\r\nresult,"68101,0001\r\nmore\r\n')).rejects.toEqual(new MalformedCsvError(2));
    await expect(records('ok,1\r\nx,"a"b"c"\r\n')).rejects.toBeInstanceOf(MalformedCsvError);
  });

  it("keeps multi-byte characters split between chunks", async () => {
    const bytes = new TextEncoder().encode("Ŵyn,ŷ\n");
    expect(await records([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual([{ fields: ["Ŵyn", "ŷ"], line: 1 }]);
  });
});

describe("the first bytes", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("accept the header, in any letter case, with or without a byte-order mark", () => {
    expect(sniffResultsCsv(bytes(`${HEADER}\r\nresult,…`))).toBeNull();
    expect(sniffResultsCsv(bytes(`\uFEFF${HEADER.toUpperCase()}\n`))).toBeNull();
  });
  it("refuse binary files, other CSV files and empty ones", () => {
    expect(sniffResultsCsv(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00]))).toBe("notCsv");
    expect(sniffResultsCsv(new Uint8Array([0xff, 0xfe, 0x41]))).toBe("notCsv");
    expect(sniffResultsCsv(bytes("candidate,grade\n"))).toBe("badHeader");
    expect(sniffResultsCsv(new Uint8Array())).toBe("empty");
  });
  it("match the header exactly, column for column", () => {
    expect(headerMatches([...RESULTS_IMPORT_HEADER])).toBe(true);
    expect(headerMatches(RESULTS_IMPORT_HEADER.slice(1))).toBe(false);
    expect(headerMatches([...RESULTS_IMPORT_HEADER.slice(0, 8), "marks"])).toBe(false);
  });
});

describe("marks per question", () => {
  it("are whole numbers separated by semicolons", () => {
    expect(parseItemMarks("3;4;0;2")).toEqual([3, 4, 0, 2]);
    expect(parseItemMarks(" 3 ; 4 ")).toEqual([3, 4]);
    expect(parseItemMarks("")).toEqual([]);
    for (const bad of ["3;;4", "3,4", "-1", "1.5", "a"]) expect(parseItemMarks(bad), bad).toBeNull();
  });
});
