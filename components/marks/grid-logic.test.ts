import { describe, expect, it } from "vitest";
import {
  cellCount,
  cellsToValue,
  gridSchema,
  newSaveKey,
  nextEditable,
  parsePaste,
  pastePlan,
  valueToCells,
} from "./grid-logic";
import { markSaveSchema } from "@/lib/marks/rules";

const total = { maxMark: 60, questions: [] };
const perQuestion = {
  maxMark: 20,
  questions: [
    { label: "1", maxMark: 5 },
    { label: "2(a)", maxMark: 7 },
    { label: "2(b)", maxMark: 8 },
  ],
};

describe("a row's cells and its mark", () => {
  it("one mark cell: a number, a code in either case, or nothing", () => {
    expect(cellsToValue(["42"], total)).toEqual({ ok: true, value: { code: null, total: 42, items: null } });
    expect(cellsToValue([" a "], total)).toEqual({ ok: true, value: { code: "A", total: null, items: null } });
    expect(cellsToValue(["w"], total)).toEqual({ ok: true, value: { code: "W", total: null, items: null } });
    expect(cellsToValue([""], total)).toEqual({ ok: true, value: { code: null, total: null, items: null } });
  });

  it("refuses what the server refuses, with the same message keys", () => {
    expect(cellsToValue(["61"], total)).toEqual({ ok: false, errors: [{ cell: 0, key: "marks.overMax" }] });
    expect(cellsToValue(["-1"], total)).toEqual({ ok: false, errors: [{ cell: 0, key: "marks.notAMark" }] });
    expect(cellsToValue(["4.5"], total)).toEqual({ ok: false, errors: [{ cell: 0, key: "marks.notAMark" }] });
    expect(cellsToValue(["X"], total)).toEqual({ ok: false, errors: [{ cell: 0, key: "marks.notAMark" }] });
  });

  it("per question: items, their total once all are marked, a code in its own cell", () => {
    expect(cellsToValue(["3", "7", "8", ""], perQuestion)).toEqual({
      ok: true,
      value: { code: null, total: 18, items: [3, 7, 8] },
    });
    expect(cellsToValue(["3", "", "8", ""], perQuestion)).toEqual({
      ok: true,
      value: { code: null, total: null, items: [3, null, 8] },
    });
    expect(cellsToValue(["", "", "", "a"], perQuestion)).toEqual({
      ok: true,
      value: { code: "A", total: null, items: null },
    });
  });

  it("per question: a question over its own maximum, a code beside marks, a number as a code", () => {
    expect(cellsToValue(["3", "8", "", ""], perQuestion)).toEqual({
      ok: false,
      errors: [{ cell: 1, key: "marks.overMax" }],
    });
    expect(cellsToValue(["3", "", "", "W"], perQuestion)).toEqual({
      ok: false,
      errors: [{ cell: 3, key: "marks.codeAndMark" }],
    });
    expect(cellsToValue(["", "", "", "5"], perQuestion)).toEqual({
      ok: false,
      errors: [{ cell: 3, key: "marks.notACode" }],
    });
    expect(cellsToValue(["A", "", "", ""], perQuestion)).toEqual({
      ok: false,
      errors: [{ cell: 0, key: "marks.notAMark" }],
    });
  });

  it("a saved mark reads back into the same cells", () => {
    for (const cells of [
      ["3", "7", "8", ""],
      ["", "", "", "A"],
      ["1", "", "", ""],
    ]) {
      const r = cellsToValue(cells, perQuestion);
      if (!r.ok) throw new Error("invalid");
      expect(valueToCells(r.value, 3)).toEqual(cells);
    }
    expect(valueToCells({ code: "W", total: null, items: null }, 0)).toEqual(["W"]);
    expect(valueToCells({ code: null, total: 0, items: null }, 0)).toEqual(["0"]);
    expect(cellCount(0)).toBe(1);
    expect(cellCount(3)).toBe(4);
  });

  it("the grid's form schema puts each problem on its cell", () => {
    const r = gridSchema(total).safeParse({ rows: [{ cells: ["12"] }, { cells: ["99"] }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rows.1.cells.0", "marks.overMax"]]);
  });
});

describe("pasting from a spreadsheet", () => {
  it("reads rows by line break and cells by tab, dropping the last line break", () => {
    expect(parsePaste("12\r\n14\r\nA\r\n")).toEqual([["12"], ["14"], ["A"]]);
    expect(parsePaste("1\t2\n3\t4\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parsePaste(" 7 \n\n9")).toEqual([["7"], [""], ["9"]]);
    expect(parsePaste("")).toEqual([]);
  });

  it("fills down from the focused cell, stepping over locked rows and stopping at the grid's edge", () => {
    const editable = [true, true, false, true, true];
    expect(pastePlan([["10"], ["11"], ["12"]], { row: 1, col: 0 }, editable, 1)).toEqual([
      { row: 1, col: 0, text: "10" },
      { row: 3, col: 0, text: "11" },
      { row: 4, col: 0, text: "12" },
    ]);
    expect(pastePlan([["1"], ["2"], ["3"]], { row: 4, col: 0 }, editable, 1)).toEqual([{ row: 4, col: 0, text: "1" }]);
    expect(
      pastePlan(
        [
          ["1", "2", "3"],
          ["4", "5", "6"],
        ],
        { row: 0, col: 2 },
        [true, true],
        4,
      ),
    ).toEqual([
      { row: 0, col: 2, text: "1" },
      { row: 0, col: 3, text: "2" },
      { row: 1, col: 2, text: "4" },
      { row: 1, col: 3, text: "5" },
    ]);
  });

  it("moves to the next editable row up or down, or nowhere at the edge", () => {
    const editable = [true, false, true];
    expect(nextEditable(editable, 0, 1)).toBe(2);
    expect(nextEditable(editable, 2, -1)).toBe(0);
    expect(nextEditable(editable, 2, 1)).toBeNull();
    expect(nextEditable(editable, 0, -1)).toBeNull();
  });
});

describe("save keys", () => {
  it("are fresh each time and of the shape the server takes", () => {
    const a = newSaveKey();
    const b = newSaveKey();
    expect(a).not.toBe(b);
    expect(
      markSaveSchema.safeParse({ key: a, baseVersion: 0, value: { code: null, total: 1, items: null } }).success,
    ).toBe(true);
  });
});
