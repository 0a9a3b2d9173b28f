"use server";

import { redirect } from "next/navigation";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import { completeStep, rememberLocale, STEP_PATHS } from "@/lib/auth/session";
import { sendSignInCode, verifySignInFactor } from "@/lib/data/identity/mfa";
import { codeSchema, firstIssue } from "@/lib/validation/identity";
import { authenticationResponseSchema, parseCeremonyResponse } from "@/lib/validation/passkeys";
import { text, type ActionState } from "@/lib/validation/action-state";

export type MfaState = ActionState<{ sent: boolean; recovery: boolean }>;

/** Signed out, or not waiting on the second factor: back to the sign-in page. */
function leaveUnlessAtStep(refusal: Refusal) {
  if (refusal.error === "unauthenticated" || refusal.error === "forbidden") redirect("/sign-in");
}

export async function sendCodeAction(prev: MfaState): Promise<MfaState> {
  const result = await sendSignInCode();
  if (result.ok) return { sent: true };
  leaveUnlessAtStep(result);
  return { ...prev, formError: messageKeyOf(result) };
}

export async function verifyCodeAction(prev: MfaState, formData: FormData): Promise<MfaState> {
  const recovery = text(formData, "recovery") === "1";
  const parsed = codeSchema.safeParse(text(formData, "code"));
  // A code that does not parse is sent blank: the data layer checks the session first, and a
  // blank code is not counted as a wrong one.
  const result = await verifySignInFactor({ code: parsed.success ? parsed.data : "", recovery });
  if (!result.ok) {
    leaveUnlessAtStep(result);
    if (!parsed.success) return { ...prev, recovery, fieldErrors: { code: [firstIssue(parsed.error)] } };
    // The attempt is over (five wrong codes), or the factor is locked (ten across attempts).
    if (result.reason === "attemptEnded") redirect("/sign-in?notice=expired");
    if (result.reason === "mfaLocked") redirect("/sign-in?notice=mfa-locked");
    return { ...prev, recovery, fieldErrors: { code: [messageKeyOf(result)] } };
  }
  await rememberLocale(result.language);
  // The board may require a passkey of this person: their factor then only opens its set-up.
  return completeStep(result.handoff, result.next ? STEP_PATHS[result.next] : "/");
}

/** The browser's answer from the person's passkey (components/mfa/passkey-sign-in.tsx), as JSON. */
export async function passkeySignInAction(formData: FormData): Promise<MfaState> {
  // An answer that is not one is sent as none: the data layer checks the session first, and does
  // not count it as a failed attempt.
  const response = parseCeremonyResponse(authenticationResponseSchema, text(formData, "response"));
  const result = await verifySignInFactor({ passkey: response as AuthenticationResponseJSON | null });
  if (!result.ok) {
    leaveUnlessAtStep(result);
    if (result.reason === "attemptEnded") redirect("/sign-in?notice=expired");
    if (result.reason === "mfaLocked") redirect("/sign-in?notice=mfa-locked");
    return { formError: messageKeyOf(result) };
  }
  await rememberLocale(result.language);
  return completeStep(result.handoff, result.next ? STEP_PATHS[result.next] : "/");
}
