// The benchmarks' tables, printed as Markdown.

export type Row = {
  path: string;
  rps?: number;
  p50?: number;
  p99?: number;
  errors?: number;
  ratio?: string;
  goal: string;
  pass: boolean | null;
};

export const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "pass" : "FAIL");

export function printTable(title: string, rows: Row[]) {
  printCells(
    title,
    ["path", "req/s", "p50", "p99", "errors", "ratio", "goal", "pass/fail"],
    rows.map((r) => [
      r.path,
      r.rps === undefined ? "" : r.rps.toFixed(r.rps < 10 ? 1 : 0),
      r.p50 === undefined ? "" : `${r.p50} ms`,
      r.p99 === undefined ? "" : `${r.p99} ms`,
      r.errors === undefined ? "" : String(r.errors),
      r.ratio ?? "",
      r.goal,
      verdict(r.pass),
    ]),
  );
}

export function printCells(title: string, head: string[], cells: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\n${title}\n`);
  console.log(line(head));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const c of cells) console.log(line(c));
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
