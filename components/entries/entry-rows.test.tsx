import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EntryRows, type EntryRowCells } from "./entry-rows";

// The entries list's rows: the status as a badge with its text, and a "Withdraw" button only
// where the entry is live and the caller may make entries.

const live: EntryRowCells = {
  id: "e1",
  candidateNumber: "0001",
  name: "Charles, Chloe",
  specification: "9521 Latin",
  entered: true,
  status: "Entered",
  late: true,
  enteredAt: "1 Dec 2026, 09:00",
  withdrawLabel: "Withdraw Charles, Chloe from 9521",
};
const withdrawn: EntryRowCells = {
  ...live,
  id: "e2",
  entered: false,
  status: "Withdrawn",
  late: false,
  withdrawLabel: null,
};

const render = (rows: EntryRowCells[], withdraw: string | null) =>
  renderToStaticMarkup(
    <table>
      <tbody>
        <EntryRows rows={rows} labels={{ late: "Late", withdraw }} />
      </tbody>
    </table>,
  );

describe("the entries list's rows", () => {
  it("gives a live entry a withdraw button named for the candidate and specification, submitting its id", () => {
    const html = render([live, withdrawn], "Withdraw");
    const rows = html.split("</tr>").slice(0, 2);
    const button = rows[0].match(/<button ([^>]*)>Withdraw<\/button>/)![1];
    for (const attribute of [
      'type="submit"',
      'name="entryId"',
      'value="e1"',
      'aria-label="Withdraw Charles, Chloe from 9521"',
    ])
      expect(button).toContain(attribute);
    expect(rows[0]).toMatch(/data-variant="success"[^>]*>Entered<\/span>/);
    expect(rows[0]).toMatch(/data-variant="warning"[^>]*>Late<\/span>/);
    // A withdrawn entry keeps the column, empty.
    expect(rows[1]).not.toContain("<button");
    expect(rows[1]).toMatch(/data-variant="secondary"[^>]*>Withdrawn<\/span>/);
    expect(rows[1]).toMatch(/<td><\/td>$/);
  });

  it("has no action column for a caller who may only view entries", () => {
    const html = render([{ ...live, withdrawLabel: null }], null);
    expect(html).not.toContain("<button");
    expect(html.match(/<td/g)).toHaveLength(5);
  });
});
