// Shared by the e2e server (scripts/e2e-server.ts) and the tests, which read the outbox files.
export const E2E_ENV = {
  PORT: "3100",
  NODE_ENV: "production",
  PGLITE_DIR: ".data/e2e/pglite",
  OUTBOX_DIR: ".data/e2e/outbox",
  FILES_DIR: ".data/e2e/files",
  // The server's pinned time, moved by tests that cross results-release boundaries (lib/clock.ts).
  PORTH_TEST_CLOCK_FILE: ".data/e2e/clock",
  AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdefghijklmnop",
  MFA_ENCRYPTION_KEY: "e2e-only-mfa-key-0123456789abcdefghijklmnopqrs",
  // Each test sends its own X-Forwarded-For, so the per-IP limits do not couple tests.
  TRUST_PROXY: "true",
  NEXT_TELEMETRY_DISABLED: "1",
} as const;

export const BASE_URL = `http://127.0.0.1:${E2E_ENV.PORT}`;
