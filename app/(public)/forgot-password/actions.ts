"use server";

import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { messageKeyOf, requestInfo } from "@/lib/auth/authorize";
import { requestPasswordReset, resetPassword } from "@/lib/data/identity/password";
import { emailSchema, firstIssue } from "@/lib/validation/identity";
import { text, type ActionState } from "@/lib/validation/action-state";

export type ForgotState = ActionState<{ stage: "email" | "code"; email: string }>;

/** The field a refusal of the reset is about; a password-policy reason is about the new password. */
function fieldOf(key: string): "code" | "confirm" | "password" | null {
  if (key === "invalidCode" || key === "expiredCode") return "code";
  if (key === "mismatch") return "confirm";
  if (key === "rateLimited") return null;
  return "password";
}

export async function forgotAction(_prev: ForgotState, formData: FormData): Promise<ForgotState> {
  const parsed = emailSchema.safeParse(text(formData, "email"));
  if (!parsed.success)
    return {
      stage: "email",
      fieldErrors: { email: [firstIssue(parsed.error)] },
      values: { email: text(formData, "email") },
    };
  const email = parsed.data;
  const request = await requestInfo();
  if (text(formData, "intent") === "send") {
    const sent = await requestPasswordReset(email, request, now());
    return sent.ok ? { stage: "code", email } : { stage: "email", email, formError: messageKeyOf(sent) };
  }
  const code = text(formData, "code");
  if (code.trim() === "") return { stage: "code", email, fieldErrors: { code: ["codeRequired"] } };
  const result = await resetPassword(
    { email, code, password: text(formData, "password"), confirm: text(formData, "confirm") },
    request,
    now(),
  );
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field = fieldOf(key);
    return field ? { stage: "code", email, fieldErrors: { [field]: [key] } } : { stage: "code", email, formError: key };
  }
  redirect("/sign-in?notice=reset");
}
