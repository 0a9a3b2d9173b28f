// The benchmark's own database (bench/results-day.ts makes one for each run). A setting that would
// weaken a real deployment is honoured only there, as lib/clock.ts honours its test clock only on
// the end-to-end database; lib/env.ts refuses it anywhere else.

/** True only for a database bench/results-day.ts made: PostgreSQL's porth_bench_…, or a PGlite directory …/porth-bench-…/pglite. */
export function isBenchDatabase(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DATABASE_URL) return /\/porth_bench_[a-z0-9_]+(\?|$)/.test(env.DATABASE_URL);
  return /\/porth-bench-[^/]+\/pglite\/?$/.test((env.PGLITE_DIR ?? "").replace(/\\/g, "/"));
}

/** The per-key limit of the benchmark's own A2C key, so the load generator measures the API, not the limit. */
export const BENCH_A2C_LIMIT = 10_000_000;

/** The ids of the A2C keys whose per-minute limit the benchmark raises (PORTH_BENCH_A2C_KEY_ID, comma-separated), on its database only. */
export function benchA2cKeyIds(env: NodeJS.ProcessEnv = process.env): string[] {
  const ids = env.PORTH_BENCH_A2C_KEY_ID;
  return ids && isBenchDatabase(env) ? ids.split(",").filter(Boolean) : [];
}
