import "server-only";
import type { CodePurpose, Prisma } from "@/lib/generated/prisma/client";
import { hashSecret, verifySecret } from "@/lib/auth/password";
import { normaliseCode, sixDigitCode } from "@/lib/auth/codes";

// One-time codes sent by email or SMS. One row per (user, purpose): a new code replaces the
// old, so only the latest works; each is single use and expires (docs/product-rules.md, "Time rules").

const CODE_TTL_MS: Record<CodePurpose, number> = {
  PASSWORD_RESET: 60 * 60_000, // 1 hour
  MFA_SIGN_IN: 10 * 60_000, // 10 minutes
  MFA_SETUP: 10 * 60_000,
  EMAIL_CHANGE: 60 * 60_000,
};
const MAX_CODE_ATTEMPTS = 5;

type Db = Pick<Prisma.TransactionClient, "verificationCode">;

/** Issues a new code for (user, purpose), replacing any earlier one; returns the code to send. */
// internal: takes the transaction of the sign-in, reset, set-up or profile step that calls it
export async function issueCode(
  db: Db,
  input: { userId: string; purpose: CodePurpose; channel: "email" | "sms"; payload?: string; now: Date },
) {
  const code = sixDigitCode();
  const data = {
    codeHash: await hashSecret(code),
    channel: input.channel,
    payload: input.payload ?? "",
    attempts: 0,
    usedAt: null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + CODE_TTL_MS[input.purpose]),
  };
  await db.verificationCode.upsert({
    where: { target_purpose: { target: input.userId, purpose: input.purpose } },
    create: { target: input.userId, purpose: input.purpose, ...data },
    update: data,
  });
  return code;
}

export type CodeCheck =
  { ok: true; payload: string; channel: string } | { ok: false; reason: "invalid" | "expired" | "tooManyAttempts" };

/** Checks and, when right, consumes the latest code. Wrong guesses count towards MAX_CODE_ATTEMPTS. */
// internal: takes the transaction of the sign-in, reset, set-up or profile step that calls it
export async function consumeCode(
  db: Db,
  input: { userId: string; purpose: CodePurpose; code: string; now: Date },
): Promise<CodeCheck> {
  const row = await db.verificationCode.findUnique({
    where: { target_purpose: { target: input.userId, purpose: input.purpose } },
  });
  if (!row || row.usedAt) return { ok: false, reason: "invalid" };
  if (row.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, reason: "tooManyAttempts" };
  if (row.expiresAt <= input.now) return { ok: false, reason: "expired" };
  const code = normaliseCode(input.code);
  if (!/^\d{6}$/.test(code) || !(await verifySecret(row.codeHash, code))) {
    const updated = await db.verificationCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
    return { ok: false, reason: updated.attempts >= MAX_CODE_ATTEMPTS ? "tooManyAttempts" : "invalid" };
  }
  // Single use: only the request that flips usedAt wins.
  const claimed = await db.verificationCode.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: input.now },
  });
  if (claimed.count !== 1) return { ok: false, reason: "invalid" };
  return { ok: true, payload: row.payload, channel: row.channel };
}
