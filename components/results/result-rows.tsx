"use client";

/**
 * One row of the results table as plain text: the result's id (the row's key), the candidate's
 * id (the statement's address), candidate number, name, specification, qualification and grade.
 */
export type ResultRowCells = readonly [
  id: string,
  candidateId: string,
  candidateNumber: string,
  name: string,
  specification: string,
  qualification: string,
  grade: string,
];

/**
 * The rows of the results table, drawn from one compact list of texts rather than sent as a
 * hundred server-rendered rows (docs/decisions/025-long-tables.md: the server's work for a page
 * of rows is about half as much this way).
 */
export function ResultRows({
  rows,
  specificationFirst,
  statementLabel,
  seriesQuery,
}: {
  rows: readonly ResultRowCells[];
  /** By subject: the specification is the first column. */
  specificationFirst: boolean;
  statementLabel: string;
  /** `?series=…`, added to each statement's address. */
  seriesQuery: string;
}) {
  return rows.map(([id, candidateId, number, name, specification, qualification, grade]) => (
    <tr key={id}>
      {specificationFirst ? <td>{specification}</td> : null}
      <td>{number}</td>
      <td>{name}</td>
      {specificationFirst ? null : <td>{specification}</td>}
      <td>{qualification}</td>
      <td className="font-bold">{grade}</td>
      <td>
        <a href={`/results/statement/${candidateId}${seriesQuery}`}>
          {statementLabel}
          <span className="sr-only">{` (${number} ${name})`}</span>
        </a>
      </td>
    </tr>
  ));
}
