"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { reverifyFactor, sendReverifyCode } from "@/lib/data/identity/mfa";
import { regenerateRecoveryCodes } from "@/lib/data/identity/mfa-setup";
import { removePasskey } from "@/lib/data/identity/passkeys";
import { revokeSession } from "@/lib/data/identity/security";
import { codeSchema, firstIssue } from "@/lib/validation/identity";
import { authenticationResponseSchema, parseCeremonyResponse } from "@/lib/validation/passkeys";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

export async function reverifyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser(); // signed out, or a step still to do: to the sign-in page or that step
  const parsed = codeSchema.safeParse(text(formData, "code"));
  if (!parsed.success) return { fieldErrors: { code: [firstIssue(parsed.error)] } };
  const result = await reverifyFactor(parsed.data);
  if (!result.ok) {
    // Too many wrong codes signed this session out (docs/product-rules.md, "Sign-in and sessions").
    if (result.reason === "attemptEnded") redirect("/sign-in?notice=expired");
    if (result.reason === "mfaLocked") redirect("/sign-in?notice=mfa-locked");
    return { fieldErrors: { code: [messageKeyOf(result)] } };
  }
  revalidatePath("/profile/security");
  return { ok: true };
}

/** Passkey users re-verify with their passkey: the browser's answer as JSON (components/mfa/passkey-sign-in.tsx). */
export async function passkeyReverifyAction(formData: FormData): Promise<ActionState> {
  await requireUser();
  const response = parseCeremonyResponse(authenticationResponseSchema, text(formData, "response"));
  const result = await reverifyFactor({ passkey: response as AuthenticationResponseJSON | null });
  if (!result.ok) {
    if (result.reason === "attemptEnded") redirect("/sign-in?notice=expired");
    if (result.reason === "mfaLocked") redirect("/sign-in?notice=mfa-locked");
    return { formError: messageKeyOf(result) };
  }
  revalidatePath("/profile/security");
  return { ok: true };
}

const removePasskeySchema = z.object({ passkeyId: z.string().trim().min(1).max(100) });

/** Removes one of the caller's passkeys (never the last while it is their method). */
export async function removePasskeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const parsed = removePasskeySchema.safeParse({ passkeyId: text(formData, "passkeyId") });
  if (!parsed.success || hasUnexpectedFields(formData, ["passkeyId"])) return { formError: "notFound" };
  const result = await removePasskey(parsed.data.passkeyId);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/profile/security");
  return { ok: true };
}

/** SMS/email users need a code sent before they can re-verify. */
export async function sendReverifyCodeAction(_prev: ActionState): Promise<ActionState> {
  await requireUser();
  const result = await sendReverifyCode();
  return result.ok ? { ok: true } : { formError: messageKeyOf(result) };
}

export async function regenerateAction(
  _prev: ActionState<{ codes: string[] }>,
): Promise<ActionState<{ codes: string[] }>> {
  await requireUser();
  const result = await regenerateRecoveryCodes();
  return result.ok ? { ok: true, codes: result.recoveryCodes } : { formError: messageKeyOf(result) };
}

const revokeSchema = z.object({ sessionId: z.string().trim().min(1).max(100) });

export async function revokeSessionAction(formData: FormData) {
  await requireUser();
  const parsed = revokeSchema.safeParse({ sessionId: text(formData, "sessionId") });
  if (!parsed.success || hasUnexpectedFields(formData, ["sessionId"])) return;
  const result = await revokeSession(parsed.data.sessionId);
  if (result.ok) revalidatePath("/profile/security");
}
