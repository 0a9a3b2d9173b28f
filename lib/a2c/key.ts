import { createHash, randomBytes } from "node:crypto";

// What an A2C key looks like (docs/product-rules.md ("A2C")): 256 random bits after a fixed
// prefix, shown once; only its SHA-256 and its first characters are stored.

export const KEY_PREFIX = "porth_a2c_";
export const PREFIX_LENGTH = KEY_PREFIX.length + 8;

/** A new key, in full. */
export function newKeyValue(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** Whether a bearer token could be a key at all (before asking the database). */
export function looksLikeKey(token: string | null | undefined): token is string {
  return Boolean(token && token.startsWith(KEY_PREFIX) && token.length <= 200);
}
