import { describe, expect, it } from "vitest";
import { adjusted, adjustmentFor, DEFAULT_TOLERANCE } from "./moderation";
import { reviewOf } from "./moderation-review";
import type { MarkValue } from "./rules";

// The adjustment a moderator's marks make (docs/marks.md, "Moderation"), at the edges of the tolerance.

const pairs = (...differences: number[]) => differences.map((d) => ({ centre: 30, moderated: 30 + d }));

describe("adjustmentFor", () => {
  it("makes none without a pair to compare", () => {
    expect(adjustmentFor([], 2)).toEqual({ meanDifference: 0, adjustment: 0 });
  });

  it("makes none when the mean difference is the tolerance exactly, up or down", () => {
    expect(adjustmentFor(pairs(2, 2, 2), 2)).toEqual({ meanDifference: 2, adjustment: 0 });
    expect(adjustmentFor(pairs(-2, -2), 2)).toEqual({ meanDifference: -2, adjustment: 0 });
    expect(adjustmentFor(pairs(1, 3), 2)).toEqual({ meanDifference: 2, adjustment: 0 });
  });

  it("adjusts by the mean, rounded to a whole mark, just beyond the tolerance", () => {
    // 2.01 is beyond 2 and rounds to 2.
    expect(adjustmentFor(pairs(...Array(99).fill(2), 3), 2)).toEqual({ meanDifference: 2.01, adjustment: 2 });
    expect(adjustmentFor(pairs(...Array(99).fill(-2), -3), 2)).toEqual({ meanDifference: -2.01, adjustment: -2 });
    expect(adjustmentFor(pairs(2, 3), 2)).toEqual({ meanDifference: 2.5, adjustment: 3 });
    expect(adjustmentFor(pairs(-2, -3), 2)).toEqual({ meanDifference: -2.5, adjustment: -3 });
  });

  it("with a tolerance of 0 adjusts any mean that rounds to a mark", () => {
    expect(adjustmentFor(pairs(1, 0), 0)).toEqual({ meanDifference: 0.5, adjustment: 1 });
    expect(adjustmentFor(pairs(1, 0, 0), 0)).toEqual({ meanDifference: 0.33, adjustment: 0 });
  });

  it("has a default tolerance for components the board has not set", () => {
    expect(DEFAULT_TOLERANCE).toBe(2);
  });
});

describe("adjusted", () => {
  it("keeps a mark within 0 and the maximum", () => {
    expect(adjusted(58, 3, 60)).toBe(60);
    expect(adjusted(1, -3, 60)).toBe(0);
    expect(adjusted(30, -3, 60)).toBe(27);
  });
});

const mark = (total: number | null, code: "A" | "W" | null = null): MarkValue => ({ code, total, items: null });

describe("reviewOf", () => {
  const cohort = [
    { entryId: "a", centre: mark(10) },
    { entryId: "b", centre: mark(20) },
    { entryId: "c", centre: mark(null, "A") },
    { entryId: "d", centre: mark(59) },
    { entryId: "e", centre: null },
  ];
  const sample = new Set(["a", "b", "d"]);

  it("counts what is left to mark and compares only candidates both marked", () => {
    const review = reviewOf({ cohort, sample, moderated: new Map([["a", mark(14)]]), tolerance: 2, maxMark: 60 });
    expect(review.remaining).toBe(2);
    expect(review.compared).toBe(1);
    expect(review.sample).toEqual([
      { entryId: "a", centre: 10, moderated: 14, difference: 4 },
      { entryId: "b", centre: 20, moderated: null, difference: null },
      { entryId: "d", centre: 59, moderated: null, difference: null },
    ]);
    // The adjustment is a preview: one candidate has a new mark (the moderated one).
    expect(review.adjustment).toBe(4);
    expect(review.changed).toBe(1);
    expect(review.cohort.map((l) => l.after)).toEqual([14, 24, "A", 60, null]);
  });

  it("leaves a moderator's code out of the mean", () => {
    const moderated = new Map([
      ["a", mark(10)],
      ["b", mark(null, "W")],
      ["d", mark(59)],
    ]);
    const review = reviewOf({ cohort, sample, moderated, tolerance: 2, maxMark: 60 });
    expect(review).toMatchObject({ remaining: 0, compared: 2, meanDifference: 0, adjustment: 0, changed: 0 });
  });

  it("applies a submitted report's figures as they were submitted", () => {
    const review = reviewOf({
      cohort,
      sample,
      moderated: new Map(),
      tolerance: 2,
      maxMark: 60,
      reported: { meanDifference: -3.2, adjustment: -3 },
    });
    expect(review.adjustment).toBe(-3);
    expect(review.cohort.map((l) => l.after)).toEqual([7, 17, "A", 56, null]);
    expect(review.changed).toBe(3);
  });
});
