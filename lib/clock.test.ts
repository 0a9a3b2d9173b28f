import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isEndToEndDatabase, now } from "./clock";
import { loadEnv } from "./env";

const secrets = { NODE_ENV: "test", AUTH_SECRET: "x".repeat(32), MFA_ENCRYPTION_KEY: "y".repeat(32) } as const;

afterEach(() => vi.unstubAllEnvs());

describe("the test clock", () => {
  it("is read from the file only against the end-to-end database", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "clock-")), "clock");
    writeFileSync(file, "2027-08-19T06:59:59Z");
    vi.stubEnv("PORTH_TEST_CLOCK_FILE", file);
    vi.stubEnv("DATABASE_URL", "postgresql://u:p@db.example.org:5432/porth");
    expect(now().getUTCFullYear()).not.toBe(2027);
    vi.stubEnv("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/porth_e2e");
    expect(now().toISOString()).toBe("2027-08-19T06:59:59.000Z");
    writeFileSync(file, "");
    expect(now().getUTCFullYear()).not.toBe(2027);
  });

  it("is refused at start-up anywhere but the end-to-end database", () => {
    expect(() =>
      loadEnv({ ...secrets, PORTH_TEST_CLOCK_FILE: "/tmp/clock", DATABASE_URL: "postgresql://u:p@db:5432/porth" }),
    ).toThrow(/PORTH_TEST_CLOCK_FILE/);
    expect(() => loadEnv({ ...secrets, PORTH_TEST_CLOCK_FILE: "/tmp/clock", PGLITE_DIR: ".data/pglite" })).toThrow(
      /PORTH_TEST_CLOCK_FILE/,
    );
    expect(
      loadEnv({ ...secrets, PORTH_TEST_CLOCK_FILE: "/tmp/clock", PGLITE_DIR: ".data/e2e/pglite" })
        .PORTH_TEST_CLOCK_FILE,
    ).toBe("/tmp/clock");
    expect(isEndToEndDatabase({ NODE_ENV: "test", DATABASE_URL: "postgresql://u:p@h/porth_e2e_not" })).toBe(false);
  });
});
