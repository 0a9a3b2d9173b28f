import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: { "@": root, "server-only": path.join(root, "tests/utils/server-only-stub.ts") },
  },
  test: {
    // Test-only secrets (npm test passes the same ones); real ones come from the environment.
    env: {
      MFA_ENCRYPTION_KEY: process.env.MFA_ENCRYPTION_KEY ?? "test-only-mfa-key-0123456789abcdefghijkl",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-only-auth-secret-0123456789abcdefghij",
      // The outbox's console notices would bury the test output.
      OUTBOX_QUIET: "true",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Projects with different worker counts must run as separate groups: unit first.
          sequence: { groupOrder: 0 },
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "components/**/*.test.tsx", "proxy.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          // Two test files at a time: each waits on its own database much of the time, so even
          // on two cores a second file fits beside the first (Vitest's default leaves a core idle).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
