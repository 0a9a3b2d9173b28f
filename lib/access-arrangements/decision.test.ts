import { describe, expect, it } from "vitest";
import type { StandardisedArea } from "@/lib/generated/prisma/enums";
import { decideApplication, type Decision } from "./decision";

// The decision table of docs/access-arrangements.md, at its boundaries: 84/85 (below average or
// not), 89/90 (low average or not), one score or two, the same area or different areas, and an
// EHCP/IDP recorded.

const R: StandardisedArea = "READING_SPEED";
const W: StandardisedArea = "WRITING_SPEED";
const C: StandardisedArea = "COGNITIVE_PROCESSING";
const approved: Decision = { outcome: "approved" };
const referred = (reason: string) => ({ outcome: "referred", reason });

const table: [string, [StandardisedArea, number][], "EHCP" | "IDP" | null, Decision | ReturnType<typeof referred>][] = [
  [
    "two below average, different areas",
    [
      [R, 84],
      [W, 84],
    ],
    null,
    approved,
  ],
  [
    "84 and 89, different areas",
    [
      [R, 84],
      [W, 89],
    ],
    null,
    approved,
  ],
  [
    "89 and 84, the low one given second",
    [
      [R, 89],
      [W, 84],
    ],
    null,
    approved,
  ],
  [
    "84 and 90: 90 is average",
    [
      [R, 84],
      [W, 90],
    ],
    null,
    referred("onlyOneLowScore"),
  ],
  [
    "85 and 85: neither below average",
    [
      [R, 85],
      [W, 85],
    ],
    null,
    referred("noBelowAverageScore"),
  ],
  [
    "85 and 89: low average only",
    [
      [R, 85],
      [W, 89],
    ],
    null,
    referred("noBelowAverageScore"),
  ],
  ["one score of 70", [[R, 70]], null, referred("onlyOneLowScore")],
  ["one score of 84", [[W, 84]], null, referred("onlyOneLowScore")],
  ["no scores", [], null, referred("noBelowAverageScore")],
  [
    "two below average in the same area",
    [
      [R, 80],
      [R, 84],
    ],
    null,
    referred("lowScoresInOneArea"),
  ],
  [
    "84 and 89 in the same area",
    [
      [C, 84],
      [C, 89],
    ],
    null,
    referred("lowScoresInOneArea"),
  ],
  [
    "same area pair plus a low average in another area",
    [
      [R, 80],
      [R, 82],
      [C, 89],
    ],
    null,
    approved,
  ],
  [
    "same area pair plus an average score in another area",
    [
      [R, 80],
      [R, 82],
      [C, 90],
    ],
    null,
    referred("lowScoresInOneArea"),
  ],
  ["an EHCP with no scores", [], "EHCP", approved],
  [
    "an IDP with average scores",
    [
      [R, 100],
      [W, 95],
    ],
    "IDP",
    approved,
  ],
];

describe("25% extra time", () => {
  it.each(table)("%s", (_name, scores, plan, expected) => {
    expect(
      decideApplication({
        type: "EXTRA_TIME_25",
        supportPlan: plan,
        scores: scores.map(([area, score]) => ({ area, score })),
      }),
    ).toEqual(expected);
  });
});

describe("every other arrangement that needs approval", () => {
  it.each([
    ["EXTRA_TIME_OVER_25", "overTwentyFiveNeedsBoard"],
    ["READER", "readerNeedsBoard"],
    ["SCRIBE", "scribeNeedsBoard"],
    ["MODIFIED_PAPERS", "modifiedPapersNeedBoard"],
  ] as const)("%s is referred to the board, whatever the evidence", (type, reason) => {
    const strong = [
      { area: R, score: 60 },
      { area: W, score: 60 },
    ];
    expect(decideApplication({ type, supportPlan: "EHCP", scores: strong })).toEqual(referred(reason));
  });
});

describe("the reference number", () => {
  it("is AA, the centre number and 6 characters without look-alikes", async () => {
    const { formatReference, REFERENCE_PATTERN } = await import("./reference");
    const ref = formatReference("68101", new Uint8Array([0, 31, 32, 200, 255, 17]));
    expect(ref).toBe("AA68101-0Z08ZH");
    expect(ref).toMatch(REFERENCE_PATTERN);
  });
});
