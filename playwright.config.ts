import { defineConfig } from "@playwright/test";
import { BASE_URL } from "./tests/e2e/env";

// Real Chromium from Debian (Playwright's own browser download does not work offline; README).
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // accounts.setup.ts signs the demo accounts in once; the tests reuse those sessions.
  projects: [
    { name: "accounts", testMatch: /accounts\.setup\.ts$/ },
    { name: "e2e", testMatch: /\.spec\.ts$/, dependencies: ["accounts"] },
  ],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
