import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ResultRows, type ResultRowCells } from "./result-rows";

// The results table's rows as the exams officer reads them (the page passes its rows as texts).

const rows: ResultRowCells[] = [
  ["r1", "cand-1", "0001", "Charles, Chloe", "9521 Latin", "GCSE", "4"],
  ["r2", "cand-1", "0001", "Charles, Chloe", "9531 Mathematics", "GCSE", "7"],
];

const cells = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, "")),
  );

describe("the results table's rows", () => {
  it("shows each result by candidate, its grade in bold, and links to the candidate's statement", () => {
    const html = renderToStaticMarkup(
      <table>
        <tbody>
          <ResultRows rows={rows} specificationFirst={false} statementLabel="Statement" seriesQuery="?series=2027-06" />
        </tbody>
      </table>,
    );
    expect(cells(html)).toEqual([
      ["0001", "Charles, Chloe", "9521 Latin", "GCSE", "4", "Statement (0001 Charles, Chloe)"],
      ["0001", "Charles, Chloe", "9531 Mathematics", "GCSE", "7", "Statement (0001 Charles, Chloe)"],
    ]);
    expect(html).toContain('<td class="font-bold">4</td>');
    expect(html).toContain('<a href="/results/statement/cand-1?series=2027-06">');
    // The link's visible text is the same on every row; its name says whose statement it is.
    expect(html).toContain('<span class="sr-only"> (0001 Charles, Chloe)</span>');
  });

  it("puts the specification first when the results are by subject", () => {
    const html = renderToStaticMarkup(
      <table>
        <tbody>
          <ResultRows rows={rows.slice(0, 1)} specificationFirst statementLabel="Datganiad" seriesQuery="" />
        </tbody>
      </table>,
    );
    expect(cells(html)).toEqual([
      ["9521 Latin", "0001", "Charles, Chloe", "GCSE", "4", "Datganiad (0001 Charles, Chloe)"],
    ]);
  });
});
