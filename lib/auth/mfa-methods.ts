import type { MfaMethod, Role } from "@/lib/generated/prisma/enums";
import type { PendingStep } from "./steps";
import { maskPhone } from "./phone";

// The second-factor rules that need no database (docs/product-rules.md, "Sign-in and sessions").

/** Changing MFA from the profile needs a second factor checked within this long. */
export const FRESH_MFA_MS = 10 * 60_000;

/** The methods that prove a code (a passkey signs a challenge instead). */
export type CodeMethod = Exclude<MfaMethod, "PASSKEY">;

/** The code methods this deployment offers (SMS and email may be switched off). */
export function enabledMethods(env: NodeJS.ProcessEnv = process.env): CodeMethod[] {
  const methods: CodeMethod[] = ["TOTP"];
  if (env.MFA_SMS_ENABLED !== "false") methods.push("SMS");
  if (env.MFA_EMAIL_ENABLED !== "false") methods.push("EMAIL");
  return methods;
}

/**
 * Whether the board requires this person to use a passkey: board staff, when
 * MFA_PASSKEY_REQUIRED_FOR_BOARD is "true" (docs/decisions/018-passkeys.md).
 */
export function passkeyRequiredFor(role: Role, env: NodeJS.ProcessEnv = process.env): boolean {
  return role === "BOARD_STAFF" && env.MFA_PASSKEY_REQUIRED_FOR_BOARD === "true";
}

/**
 * The methods set-up offers a person, strongest first: a passkey (it cannot be phished), then the
 * code methods this deployment offers. Only a passkey when the board requires one of them.
 */
export function setupMethods(role: Role, env: NodeJS.ProcessEnv = process.env): MfaMethod[] {
  return passkeyRequiredFor(role, env) ? ["PASSKEY"] : ["PASSKEY", ...enabledMethods(env)];
}

/** A full session whose second factor was proved within the last 10 minutes (FRESH_MFA_MS). */
export function hasFreshSecondFactor(
  session: { pendingStep: PendingStep | null; mfaAt: Date | null },
  at: Date,
): boolean {
  return (
    session.pendingStep === null && session.mfaAt !== null && at.getTime() - session.mfaAt.getTime() < FRESH_MFA_MS
  );
}

/** Set-up is open to a session at the "mfa-setup" step, or a full session with a fresh second factor. */
export function maySetUp(session: { pendingStep: PendingStep | null; mfaAt: Date | null }, at: Date): boolean {
  return session.pendingStep === "mfa-setup" || hasFreshSecondFactor(session, at);
}

/** What the challenge page says about the factor: the method and where a code goes (masked). */
export function describeFactor(factor: { method: MfaMethod; phone: string | null }, email: string) {
  return {
    method: factor.method,
    destination:
      factor.method === "SMS" && factor.phone ? maskPhone(factor.phone) : factor.method === "EMAIL" ? email : "",
  };
}
