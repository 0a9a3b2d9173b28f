"use server";

import { now } from "@/lib/clock";
import { completeStep, requestInfo, STEP_PATHS } from "@/lib/auth/session";
import { signInWithPassword, type Door } from "@/lib/data/identity/sign-in";
import { emailSchema, firstIssue } from "@/lib/validation/identity";
import { text, type ActionState } from "@/lib/validation/action-state";

export type SignInState = ActionState<{ step: "email" | "password"; email: string }>;

/** Email → Next → password → Sign in (docs/product-rules.md, "Sign-in and sessions"). Both doors share this action. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const door: Door = text(formData, "door") === "appointee" ? "appointee" : "centre";
  const parsed = emailSchema.safeParse(text(formData, "email"));
  if (!parsed.success)
    return {
      step: "email",
      fieldErrors: { email: [firstIssue(parsed.error)] },
      values: { email: text(formData, "email") },
    };
  const email = parsed.data;
  if (!formData.has("password")) return { step: "password", email };

  const password = text(formData, "password");
  if (password.trim() === "") return { step: "password", email, fieldErrors: { password: ["passwordRequired"] } };
  const result = await signInWithPassword({ email, password, door, request: await requestInfo() }, now());
  if (!result.ok) return { step: "password", email, formError: result.error };
  return completeStep(result.handoff, STEP_PATHS[result.next]);
}
