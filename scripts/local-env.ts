import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * Loads .env/.env.local when present and, outside production, fills AUTH_SECRET and
 * MFA_ENCRYPTION_KEY with random values kept in .data/local-secrets.json, so a first look
 * needs no configuration. (The TOTP secrets in the embedded database are encrypted with that
 * key, so it lives beside the database.) Production must set them: lib/env.ts refuses to start.
 */
export function prepareLocalEnv() {
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
  if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) return;
  const file = path.resolve(".data/local-secrets.json");
  let secrets: Record<string, string> = {};
  if (existsSync(file)) secrets = JSON.parse(readFileSync(file, "utf8"));
  let changed = false;
  for (const key of ["AUTH_SECRET", "MFA_ENCRYPTION_KEY"]) {
    if (process.env[key]) continue;
    if (!secrets[key]) {
      secrets[key] = randomBytes(32).toString("base64url");
      changed = true;
    }
    process.env[key] = secrets[key];
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
}
