"use server";

import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { completeStep, getSession, rememberLocale, requestInfo } from "@/lib/auth/session";
import { sendSignInCode, verifySignInFactor } from "@/lib/data/identity/mfa";
import { codeSchema } from "@/lib/validation/identity";
import { text, type ActionState } from "@/lib/validation/action-state";

export type MfaState = ActionState<{ sent: boolean; recovery: boolean }>;

async function pendingSession() {
  const session = await getSession();
  if (!session || session.pendingStep !== "mfa") redirect("/sign-in");
  return session;
}

export async function sendCodeAction(prev: MfaState): Promise<MfaState> {
  const session = await pendingSession();
  const result = await sendSignInCode(session, await requestInfo(), now());
  return result.ok ? { sent: true } : { ...prev, formError: result.error };
}

export async function verifyCodeAction(prev: MfaState, formData: FormData): Promise<MfaState> {
  const session = await pendingSession();
  const recovery = text(formData, "recovery") === "1";
  const parsed = codeSchema.safeParse(text(formData, "code"));
  if (!parsed.success) return { ...prev, recovery, fieldErrors: { code: ["codeRequired"] } };
  const result = await verifySignInFactor(session, { code: parsed.data, recovery }, await requestInfo(), now());
  if (!result.ok) {
    if (result.error === "attemptEnded") redirect("/sign-in?notice=expired");
    return { ...prev, recovery, fieldErrors: { code: [result.error] } };
  }
  await rememberLocale(session.user.language);
  return completeStep(result.handoff, "/");
}
