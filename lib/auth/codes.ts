import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** A 6-digit code for email/SMS (uniform, from the CSPRNG). */
export function sixDigitCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Recovery codes: 10 of them, "xxxxx-xxxxx" from an unambiguous alphabet. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function recoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(input: string): string {
  const clean = input
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  return clean.length === 10 ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean;
}

/** A one-time code as typed or pasted: spaces (and dashes) around and inside are ignored. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/** 256-bit random token, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A temporary password for invites: readable, 16 characters. */
export function temporaryPassword(): string {
  return Array.from({ length: 16 }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join("");
}
