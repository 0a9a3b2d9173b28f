import { describe, expect, it } from "vitest";
import { benchA2cKeyIds, isBenchDatabase } from "./bench";
import { loadEnv } from "./env";

/** An environment of only the given variables. */
const env = (vars: Record<string, string | undefined>) => vars as unknown as NodeJS.ProcessEnv;
const secrets = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), MFA_ENCRYPTION_KEY: "y".repeat(32) } as const;

describe("the benchmark's raised A2C limit", () => {
  it("knows the benchmark's own databases and no other", () => {
    expect(isBenchDatabase(env({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/porth_bench_1a2b" }))).toBe(true);
    expect(isBenchDatabase(env({ PGLITE_DIR: "/tmp/porth-bench-1a2b/pglite" }))).toBe(true);
    for (const vars of [
      { DATABASE_URL: "postgresql://u:p@db.example.org:5432/porth" },
      { DATABASE_URL: "postgresql://u:p@db.example.org:5432/porth_bench" },
      { DATABASE_URL: "postgresql://u:p@db:5432/porth_bench_x/other" },
      { PGLITE_DIR: ".data/pglite" },
      { PGLITE_DIR: "/srv/porth-bench-1/pglite/../../data" },
      // A DATABASE_URL wins over PGLITE_DIR, as for the database itself (lib/db/client.ts).
      { DATABASE_URL: "postgresql://u:p@db:5432/porth", PGLITE_DIR: "/tmp/porth-bench-1/pglite" },
    ])
      expect(isBenchDatabase(env(vars)), JSON.stringify(vars)).toBe(false);
  });

  it("is honoured only on a benchmark's database, and refused at start-up anywhere else", () => {
    const bench = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/porth_bench_1a2b", PORTH_BENCH_A2C_KEY_ID: "k1" };
    expect(benchA2cKeyIds(env(bench))).toEqual(["k1"]);
    expect(benchA2cKeyIds(env({ ...bench, PORTH_BENCH_A2C_KEY_ID: "k1,k2" }))).toEqual(["k1", "k2"]);
    expect(loadEnv({ ...secrets, ...bench }).PORTH_BENCH_A2C_KEY_ID).toBe("k1");
    const live = { DATABASE_URL: "postgresql://u:p@db.example.org:5432/porth", PORTH_BENCH_A2C_KEY_ID: "k1" };
    expect(benchA2cKeyIds(env(live))).toEqual([]);
    expect(() => loadEnv({ ...secrets, ...live })).toThrow(/PORTH_BENCH_A2C_KEY_ID/);
    expect(() => loadEnv({ ...secrets, PORTH_BENCH_A2C_KEY_ID: "k1", PGLITE_DIR: ".data/pglite" })).toThrow(
      /PORTH_BENCH_A2C_KEY_ID/,
    );
  });
});
