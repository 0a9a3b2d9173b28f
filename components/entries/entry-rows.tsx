"use client";

import { Badge } from "@/components/ui/badge";

/** One entry of the list, its texts already in the reader's language. */
export type EntryRowCells = {
  id: string;
  candidateNumber: string;
  name: string;
  specification: string;
  entered: boolean;
  status: string;
  late: boolean;
  enteredAt: string;
  /** The withdraw button's accessible name; null when the entry cannot be withdrawn here. */
  withdrawLabel: string | null;
};

/**
 * The rows of the entries table, drawn from one compact list of texts rather than sent as fifty
 * server-rendered rows (docs/decisions/025-long-tables.md). With `withdraw`, a live entry's row
 * ends with a "Withdraw" button that submits the surrounding form (app/(portal)/entries/_components/entry-forms.tsx) with its id.
 */
export function EntryRows({
  rows,
  labels,
}: {
  rows: readonly EntryRowCells[];
  labels: { late: string; withdraw: string | null };
}) {
  return rows.map((e) => (
    <tr key={e.id}>
      <td>{e.candidateNumber}</td>
      <td>{e.name}</td>
      <td>{e.specification}</td>
      <td>
        <span className="flex flex-wrap gap-2">
          <Badge variant={e.entered ? "success" : "secondary"}>{e.status}</Badge>
          {e.late ? <Badge variant="warning">{labels.late}</Badge> : null}
        </span>
      </td>
      <td>{e.enteredAt}</td>
      {labels.withdraw !== null ? (
        <td>
          {e.withdrawLabel ? (
            // A button that reads as a link: fifty of them a page, so a short class list.
            <button
              type="submit"
              name="entryId"
              value={e.id}
              className="min-h-6 font-semibold text-link underline underline-offset-4 hover:text-link-hover"
              aria-label={e.withdrawLabel}
            >
              {labels.withdraw}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  ));
}
