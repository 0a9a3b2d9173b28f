import { describe, expect, it } from "vitest";
import { sortByName } from "./collate";

const names = ["Llewelyn", "Lewis", "Chloe", "Cynan", "Dafydd", "Ddraig", "Rhys", "Roberts", "Thomas", "Tudur"];

describe("alphabetical order of names", () => {
  it("puts ch after c, ll after l, rh after r, th after t in Welsh", () => {
    expect(sortByName("cy", names, (n) => n)).toEqual([
      "Cynan",
      "Chloe",
      "Dafydd",
      "Ddraig",
      "Lewis",
      "Llewelyn",
      "Roberts",
      "Rhys",
      "Tudur",
      "Thomas",
    ]);
  });
  it("uses plain English order in English", () => {
    expect(sortByName("en", names, (n) => n)).toEqual([
      "Chloe",
      "Cynan",
      "Dafydd",
      "Ddraig",
      "Lewis",
      "Llewelyn",
      "Rhys",
      "Roberts",
      "Thomas",
      "Tudur",
    ]);
  });
});
