"use server";

import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { completeStep, getSession, requestInfo, STEP_PATHS } from "@/lib/auth/session";
import { setFirstPassword } from "@/lib/data/identity/password";
import { text, type ActionState } from "@/lib/validation/action-state";

export async function setPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await getSession();
  if (!session || session.pendingStep !== "password") redirect("/sign-in");
  const result = await setFirstPassword(
    session,
    { password: text(formData, "password"), confirm: text(formData, "confirm") },
    await requestInfo(),
    now(),
  );
  if (!result.ok) return { fieldErrors: { [result.error === "mismatch" ? "confirm" : "password"]: [result.error] } };
  return completeStep(result.handoff, STEP_PATHS[result.next]);
}
