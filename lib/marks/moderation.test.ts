import { describe, expect, it } from "vitest";
import { drawSample, sampleSize } from "./moderation";

// The moderation sample (docs/marks.md, "IAMIS"): how many candidates, and which.

const cohort = (n: number, mark = (i: number) => (i * 37) % 101) =>
  Array.from({ length: n }, (_, i) => ({ id: `e${String(i).padStart(4, "0")}`, mark: mark(i) }));

describe("sampleSize", () => {
  it.each([
    [0, 0],
    [1, 1],
    [15, 15],
    [16, 15],
    [100, 15],
    [101, 20],
    [200, 20],
    [201, 25],
    [1000, 25],
  ])("a cohort of %i gives %i", (n, size) => expect(sampleSize(n)).toBe(size));
});

describe("drawSample", () => {
  it.each([1, 2, 15, 16, 100, 101, 200, 201, 450])(
    "a cohort of %i: the sample's size, no one twice, the highest and the lowest always in",
    (n) => {
      const all = cohort(n);
      const sample = drawSample(all);
      expect(sample).toHaveLength(sampleSize(n));
      expect(new Set(sample.map((s) => s.id)).size).toBe(sample.length);
      const marks = all.map((c) => c.mark);
      expect(sample.map((s) => s.mark)).toContain(Math.max(...marks));
      expect(sample.map((s) => s.mark)).toContain(Math.min(...marks));
    },
  );

  it("takes everyone in a cohort of 15 or fewer", () => {
    const all = cohort(15);
    expect(
      drawSample(all)
        .map((s) => s.id)
        .sort(),
    ).toEqual(all.map((s) => s.id).sort());
  });

  it("spreads the sample over the range of marks rather than bunching it", () => {
    const all = cohort(100, (i) => i); // marks 0..99
    const marks = drawSample(all).map((s) => s.mark);
    expect(marks[0]).toBe(0);
    expect(marks[marks.length - 1]).toBe(99);
    // 15 marks evenly across 0..99: consecutive ones at most 8 apart.
    for (let i = 1; i < marks.length; i++) expect(marks[i] - marks[i - 1]).toBeLessThanOrEqual(8);
  });

  it("draws the same sample from the same marks whatever order they come in", () => {
    const all = cohort(120);
    const shuffled = [...all].reverse();
    expect(drawSample(shuffled).map((s) => s.id)).toEqual(drawSample(all).map((s) => s.id));
  });

  it("with every mark the same, still draws the sample's size", () => {
    expect(drawSample(cohort(30, () => 20))).toHaveLength(15);
  });
});
