import { readFileSync } from "node:fs";
import { systemClock, type Clock } from "./time";

// The server's clock. Tests may pin it:
// - PORTH_FAKE_NOW (an ISO instant) outside production builds — integration tests;
// - PORTH_TEST_CLOCK_FILE (a file holding an ISO instant, or empty for the real time) — the
//   end-to-end tests, which run a production build and move the clock between requests to
//   cross the results-release boundaries. It is honoured only against the throwaway
//   end-to-end database (lib/env.ts refuses it anywhere else), so no real deployment can use it.

/** True only for the end-to-end server's own database (scripts/e2e-server.ts). */
export function isEndToEndDatabase(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DATABASE_URL) return /\/porth_e2e(\?|$)/.test(env.DATABASE_URL);
  return (env.PGLITE_DIR ?? "").replace(/\\/g, "/").includes(".data/e2e/");
}

function testClock(): Date | null {
  const file = process.env.PORTH_TEST_CLOCK_FILE;
  if (!file || !isEndToEndDatabase()) return null;
  try {
    const value = readFileSync(file, "utf8").trim();
    return value ? new Date(value) : null;
  } catch {
    return null;
  }
}

export const now: Clock = () => {
  const pinned = testClock();
  if (pinned) return pinned;
  const fake = process.env.NODE_ENV !== "production" ? process.env.PORTH_FAKE_NOW : undefined;
  return fake ? new Date(fake) : systemClock();
};
