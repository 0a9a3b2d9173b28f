// The results-day benchmark's tables (bench/results-day.ts): each path's figures as ratios to the
// bare page or route handler of the same build in the same run, with the goal and a verdict.
import os from "node:os";
import type { Load } from "./kit/load";
import { pct, printCells, printTable, verdict, type Row } from "./kit/table";
import type { BenchWorld } from "./results-day-setup";

export type Measured = {
  options: { scale: string; db: string; smoke: boolean; connections: number; duration: number };
  sha: string;
  world: BenchWorld;
  bare: Load;
  bareRoute: Load;
  /** The bare page that also finds the signed-in session (no portal layout). */
  session: Load;
  /** An empty page inside the portal's layout, signed in: the frame every portal page pays for. */
  shell: Load;
  /** The empty portal page plus a hundred fixed rows drawn as /results draws them: no query. */
  shellRows: Load;
  /** Bytes of each path's answer (the A2C answers' bodies among them). */
  bodyBytes: Record<string, number>;
  home: Load;
  results: Load;
  entries: Load;
  a2cLargest: Load;
  a2cMedian: Load;
  signIns: Load;
  /** Password checks a second this machine did in the same run. */
  ceiling: number;
  /** The results file, one download at a time: sorted times (ms), their median, its size. */
  file: { times: number[]; median: number; bytes: number };
  scaleOut: { one: Load; two: Load } | null;
  sizes: [string, number][];
};

/** Prints the tables and returns the rows (the smoke run checks every path answered). */
export function printResultsDay(m: Measured): Row[] {
  const { options, sha, world, bare, bareRoute, home, results, entries, a2cLargest, a2cMedian, signIns, ceiling } = m;
  const { file, scaleOut, sizes, session, shell, shellRows, bodyBytes } = m;
  const kb = (name: string) => `${Math.round((bodyBytes[name] ?? 0) / 1024)} KB`;
  // ─── the tables ───
  const vsPage = (l: Load) => l.rps / bare.rps;
  const vsRoute = (l: Load) => l.rps / bareRoute.rps;
  const row = (p: string, l: Load, ratio: number | null, goal: string, pass: boolean | null): Row => ({
    path: p,
    rps: l.rps,
    p50: l.p50,
    p99: l.p99,
    errors: l.errors,
    ratio: ratio === null ? "—" : pct(ratio),
    goal,
    pass,
  });
  const rows: Row[] = [
    row("bare page /bench-bare", bare, null, "—", null),
    row("bare route handler /api/bench-bare", bareRoute, null, "—", null),
    row("bare page signed in /bench-session (diagnosis)", session, vsPage(session), "—", null),
    row("empty portal page /bench-shell (diagnosis)", shell, vsPage(shell), "—", null),
    row("portal page, 100 fixed rows /bench-shell-rows (diagnosis)", shellRows, vsPage(shellRows), "—", null),
    row("All Services /", home, vsPage(home), "≥ 80% of the bare page", vsPage(home) >= 0.8 && home.errors === 0),
    {
      ...row("/results (100 rows)", results, vsPage(results), "", null),
      ratio: `${pct(vsPage(results))}, p99 ×${(results.p99 / Math.max(1, bare.p99)).toFixed(1)}`,
      goal: "≥ 70%, p99 ≤ 2× the bare page's, 0 errors",
      pass: vsPage(results) >= 0.7 && results.p99 <= 2 * bare.p99 && results.errors === 0,
    },
    row("/entries (50 rows a page)", entries, vsPage(entries), "0 errors", entries.errors === 0),
    row(
      `A2C results, centre ${world.largest.number} (${world.largest.results} rows, ${kb("a2c")} JSON)`,
      a2cLargest,
      vsRoute(a2cLargest),
      "≥ 70% of the bare route handler",
      vsRoute(a2cLargest) >= 0.7 && a2cLargest.errors === 0,
    ),
    row(
      `A2C results, centre ${world.a2c.median.number} (${world.a2c.median.results} rows, ${kb("a2cMedian")} JSON)`,
      a2cMedian,
      vsRoute(a2cMedian),
      "≥ 70% of the bare route handler",
      vsRoute(a2cMedian) >= 0.7 && a2cMedian.errors === 0,
    ),
    {
      ...row("sign-ins (password step)", signIns, signIns.rps / ceiling, "", null),
      ratio: `${pct(signIns.rps / ceiling)} of ${ceiling.toFixed(1)} checks/s`,
      goal: "≥ 70% of the argon2 ceiling",
      pass: signIns.rps / ceiling >= 0.7 && signIns.errors === 0,
    },
    {
      path: `results file, ${world.file.candidates} candidates (${(file.bytes / 1024).toFixed(0)} KB), one at a time`,
      p50: Math.round(file.median),
      p99: Math.round(file.times.at(-1)!),
      ratio: `median and slowest of ${file.times.length}`,
      goal: "< 300 ms end to end",
      pass: file.median < 300,
    },
  ];
  if (scaleOut) {
    const ratio = scaleOut.two.rps / scaleOut.one.rps;
    rows.push(row("/results via the proxy, one server", scaleOut.one, null, "—", null), {
      ...row("/results via the proxy, two servers", scaleOut.two, null, "", null),
      ratio: `×${ratio.toFixed(2)} of one`,
      goal: "≥ 1.7× one server",
      pass: ratio >= 1.7 && scaleOut.two.errors === 0,
    });
  }
  printTable(
    `Results day — ${options.scale} scale on ${options.db}, ${sha.slice(0, 12)}, ${options.connections} connections × ${options.duration} s` +
      `${options.smoke ? " (smoke: not timed)" : ""}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    rows,
  );
  printCells(
    `Page sizes — HTML as sent to the exams officer of centre ${world.largest.number}`,
    ["page", "size", "goal", "pass/fail"],
    sizes.map(([p, bytes]) => [p, `${(bytes / 1024).toFixed(1)} KB`, "≤ 200 KB", verdict(bytes <= 200 * 1024)]),
  );
  return rows;
}
