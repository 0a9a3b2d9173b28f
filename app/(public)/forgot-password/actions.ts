"use server";

import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { requestInfo } from "@/lib/auth/session";
import { requestPasswordReset, resetPassword } from "@/lib/data/identity/password";
import { emailSchema, firstIssue } from "@/lib/validation/identity";
import { text, type ActionState } from "@/lib/validation/action-state";

export type ForgotState = ActionState<{ stage: "email" | "code"; email: string }>;

export async function forgotAction(prev: ForgotState, formData: FormData): Promise<ForgotState> {
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
    return sent.ok ? { stage: "code", email } : { stage: "email", email, formError: sent.error };
  }
  const code = text(formData, "code");
  if (code.trim() === "") return { stage: "code", email, fieldErrors: { code: ["codeRequired"] } };
  const result = await resetPassword(
    { email, code, password: text(formData, "password"), confirm: text(formData, "confirm") },
    request,
    now(),
  );
  if (!result.ok) {
    const field =
      result.error === "invalidCode" || result.error === "expiredCode"
        ? "code"
        : result.error === "mismatch"
          ? "confirm"
          : result.error === "rateLimited"
            ? null
            : "password";
    return field
      ? { stage: "code", email, fieldErrors: { [field]: [result.error] } }
      : { stage: "code", email, formError: result.error };
  }
  redirect("/sign-in?notice=reset");
}
