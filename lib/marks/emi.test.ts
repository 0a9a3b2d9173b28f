import { describe, expect, it } from "vitest";
import { markFromCells, markText, sameMark } from "./emi";

// The board's form for a submitted examiner mark: what the cells make, and what they refuse.

describe("a mark read from a form's cells", () => {
  it("takes a mark per question and adds them up", () => {
    expect(markFromCells(3, { code: "", total: "", items: ["4", " 5 ", "0"] })).toEqual({
      ok: true,
      value: { code: null, total: 9, items: [4, 5, 0] },
    });
  });

  it("takes a total for a component without questions", () => {
    expect(markFromCells(0, { code: "", total: "57", items: [] })).toEqual({
      ok: true,
      value: { code: null, total: 57, items: null },
    });
  });

  it("takes a code in either case, but not with a mark", () => {
    expect(markFromCells(2, { code: "w", total: "", items: ["", ""] })).toEqual({
      ok: true,
      value: { code: "W", total: null, items: null },
    });
    expect(markFromCells(2, { code: "A", total: "", items: ["3", ""] })).toEqual({
      ok: false,
      error: "marks.codeAndMark",
    });
    expect(markFromCells(0, { code: "A", total: "3", items: [] })).toEqual({ ok: false, error: "marks.codeAndMark" });
    expect(markFromCells(0, { code: "X", total: "", items: [] })).toEqual({ ok: false, error: "marks.notAMark" });
  });

  it("needs every question, whole numbers, and the right number of questions", () => {
    expect(markFromCells(2, { code: "", total: "", items: ["3", ""] })).toEqual({
      ok: false,
      error: "emi.markRequired",
    });
    expect(markFromCells(0, { code: "", total: " ", items: [] })).toEqual({ ok: false, error: "emi.markRequired" });
    expect(markFromCells(2, { code: "", total: "", items: ["3", "2.5"] })).toEqual({
      ok: false,
      error: "marks.notAMark",
    });
    expect(markFromCells(2, { code: "", total: "", items: ["3", "A"] })).toEqual({
      ok: false,
      error: "marks.notAMark",
    });
    expect(markFromCells(3, { code: "", total: "", items: ["3", "2"] })).toEqual({
      ok: false,
      error: "marks.wrongQuestions",
    });
  });
});

describe("comparing and showing marks", () => {
  it("tells the same mark from a changed one, whatever the order of its fields", () => {
    const a = { code: null, total: 9, items: [4, 5] };
    expect(sameMark(a, { items: [4, 5], total: 9, code: null })).toBe(true);
    expect(sameMark(a, { code: null, total: 9, items: [5, 4] })).toBe(false);
  });

  it("shows the code, the total, or nothing", () => {
    expect(markText({ code: "A", total: null, items: null })).toBe("A");
    expect(markText({ code: null, total: 0, items: [0] })).toBe("0");
    expect(markText({ code: null, total: null, items: [3, null] })).toBe("");
  });
});
