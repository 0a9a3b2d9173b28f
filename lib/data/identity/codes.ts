import "server-only";
import type { CodePurpose, Prisma } from "@/lib/generated/prisma/client";
import { hashSecret, verifyNothing, verifySecret } from "@/lib/auth/password";
import { normaliseCode, sha256, sixDigitCode } from "@/lib/auth/codes";

// One-time codes sent by email or SMS. One row per (user, purpose): a new code replaces the
// old, so only the latest works; each is single use and expires (docs/product-rules.md, "Time rules").
// A second-factor code also belongs to the session that asked for it (`attempt`): sent for one
// sign-in attempt, it is refused in any other.

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
  input: {
    userId: string;
    purpose: CodePurpose;
    channel: "email" | "sms";
    payload?: string;
    /** The session (sign-in attempt) the code is for; only that session may use it. */
    attempt?: string;
    now: Date;
  },
) {
  const code = sixDigitCode();
  const data = {
    codeHash: await hashSecret(code),
    channel: input.channel,
    payload: input.attempt ? attemptTag(input.attempt) : (input.payload ?? ""),
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

/** What a code bound to a session stores: a hash of the session id, never the id itself. */
function attemptTag(sessionId: string): string {
  return `attempt:${sha256(sessionId)}`;
}

type CodeInput = { userId: string; purpose: CodePurpose; code: string; now: Date; attempt?: string };

export type CodeCheck =
  | { ok: true; id: string; payload: string; channel: string }
  | { ok: false; reason: "invalid" | "expired" | "tooManyAttempts" };

/**
 * Checks the latest code without using it up (so a refusal of what comes with it, such as a new
 * password that breaks the policy, does not cost the code). Wrong guesses count towards
 * MAX_CODE_ATTEMPTS. A code bound to another session is refused as invalid.
 */
// internal: takes the transaction of the sign-in, reset, set-up or profile step that calls it
export async function checkCode(db: Db, input: CodeInput): Promise<CodeCheck> {
  const row = await db.verificationCode.findUnique({
    where: { target_purpose: { target: input.userId, purpose: input.purpose } },
  });
  // No code to check (or not this session's): the same work as a wrong guess, and the same answer.
  if (!row || row.usedAt || (input.attempt !== undefined && row.payload !== attemptTag(input.attempt))) {
    await verifyNothing(input.code);
    return { ok: false, reason: "invalid" };
  }
  if (row.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, reason: "tooManyAttempts" };
  if (row.expiresAt <= input.now) return { ok: false, reason: "expired" };
  const code = normaliseCode(input.code);
  // The hash is checked whatever the code looks like, so every wrong answer takes as long.
  const right = (await verifySecret(row.codeHash, code)) && /^\d{6}$/.test(code);
  if (!right) {
    const updated = await db.verificationCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
    return { ok: false, reason: updated.attempts >= MAX_CODE_ATTEMPTS ? "tooManyAttempts" : "invalid" };
  }
  return { ok: true, id: row.id, payload: row.payload, channel: row.channel };
}

/** Uses up a code that checkCode accepted. Single use: only the request that flips usedAt wins. */
// internal: takes the transaction of the sign-in, reset, set-up or profile step that calls it
export async function claimCode(db: Db, id: string, now: Date): Promise<boolean> {
  const claimed = await db.verificationCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return claimed.count === 1;
}

/** Checks and, when right, uses up the latest code. Wrong guesses count towards MAX_CODE_ATTEMPTS. */
// internal: takes the transaction of the sign-in, reset, set-up or profile step that calls it
export async function consumeCode(db: Db, input: CodeInput): Promise<CodeCheck> {
  const check = await checkCode(db, input);
  if (!check.ok) return check;
  if (!(await claimCode(db, check.id, input.now))) return { ok: false, reason: "invalid" };
  return check;
}
