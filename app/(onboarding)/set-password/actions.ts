"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf } from "@/lib/auth/authorize";
import { completeStep, STEP_PATHS } from "@/lib/auth/session";
import { setFirstPassword } from "@/lib/data/identity/password";
import { text, type ActionState } from "@/lib/validation/action-state";

// The password policy itself is checked by the data layer (lib/auth/password-policy.ts), after
// it has made sure the session is at this step.
const schema = z.object({ password: z.string().max(1000, "tooLong"), confirm: z.string().max(1000, "tooLong") });

export async function setPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse({ password: text(formData, "password"), confirm: text(formData, "confirm") });
  const result = await setFirstPassword(parsed.success ? parsed.data : { password: "", confirm: "" });
  if (!result.ok) {
    // Signed out, or not at this step: the sign-in page says where to go.
    if (result.error === "unauthenticated" || result.error === "forbidden") redirect("/sign-in");
    const key = parsed.success ? messageKeyOf(result) : "tooLong";
    return { fieldErrors: { [key === "mismatch" ? "confirm" : "password"]: [key] } };
  }
  return completeStep(result.handoff, STEP_PATHS[result.next]);
}
