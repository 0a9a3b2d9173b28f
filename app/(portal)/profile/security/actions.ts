"use server";

import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { requestInfo, requireUser } from "@/lib/auth/session";
import { reverifyFactor, sendSignInCode } from "@/lib/data/identity/mfa";
import { regenerateRecoveryCodes } from "@/lib/data/identity/mfa-setup";
import { revokeSession } from "@/lib/data/identity/sessions";
import { text, type ActionState } from "@/lib/validation/action-state";

export async function reverifyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  const result = await reverifyFactor(session, text(formData, "code"), await requestInfo(), now());
  if (!result.ok) return { fieldErrors: { code: ["invalidCode"] } };
  revalidatePath("/profile/security");
  return { ok: true };
}

/** SMS/email users need a code sent before they can re-verify. */
export async function sendReverifyCodeAction(_prev: ActionState): Promise<ActionState> {
  const session = await requireUser();
  // sendSignInCode reads only the active factor and the user; the pending step does not matter.
  const result = await sendSignInCode(session, await requestInfo(), now());
  return result.ok ? { ok: true } : { formError: result.error };
}

export async function regenerateAction(
  _prev: ActionState<{ codes: string[] }>,
): Promise<ActionState<{ codes: string[] }>> {
  const session = await requireUser();
  const result = await regenerateRecoveryCodes(session, await requestInfo(), now());
  return result.ok ? { ok: true, codes: result.recoveryCodes } : { formError: result.error };
}

export async function revokeSessionAction(formData: FormData) {
  const session = await requireUser();
  await revokeSession({
    userId: session.userId,
    sessionId: text(formData, "sessionId"),
    reason: "security-settings",
    request: await requestInfo(),
    now: now(),
  });
  revalidatePath("/profile/security");
}
