"use server";

import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { completeStep, getSession, rememberLocale, requestInfo } from "@/lib/auth/session";
import { confirmSetup, finishMfaSetup, maySetUp, startCodeSetup, startTotpSetup } from "@/lib/data/identity/mfa-setup";
import { text, type ActionState } from "@/lib/validation/action-state";

export type SetupState = ActionState<{
  stage: "choose" | "totp" | "code" | "done";
  method: "TOTP" | "SMS" | "EMAIL";
  secret: string;
  uri: string;
  qr: string;
  destination: string;
  recoveryCodes: string[];
}>;

/** Choose a method → verify a code from it → see recovery codes (issue 3 §3). */
export async function mfaSetupAction(prev: SetupState, formData: FormData): Promise<SetupState> {
  const session = await getSession();
  const at = now();
  if (!session || !maySetUp(session, at)) redirect(session?.pendingStep === null ? "/profile/security" : "/sign-in");
  const request = await requestInfo();
  const intent = text(formData, "intent");

  if (intent === "choose") {
    const method = text(formData, "method");
    if (method === "TOTP") {
      const started = await startTotpSetup(session, at);
      if (!started.ok) return { stage: "choose", formError: started.error };
      return { stage: "totp", method: "TOTP", secret: started.secret, uri: started.uri, qr: started.qr };
    }
    if (method === "SMS" || method === "EMAIL") {
      const started = await startCodeSetup(session, { method, phone: text(formData, "phone") }, request, at);
      if (!started.ok) {
        const field = started.error === "invalidPhone" ? "phone" : undefined;
        return field
          ? {
              stage: "choose",
              method,
              fieldErrors: { phone: [started.error] },
              values: { phone: text(formData, "phone") },
            }
          : { stage: "choose", method, formError: started.error };
      }
      return { stage: "code", method, destination: started.destination };
    }
    return { stage: "choose", fieldErrors: { method: ["invalidChoice"] } };
  }

  if (intent === "confirm") {
    const result = await confirmSetup(session, text(formData, "code"), request, at);
    if (!result.ok) return { ...prev, fieldErrors: { code: [result.error] } };
    return { stage: "done", recoveryCodes: result.recoveryCodes };
  }

  if (intent === "finish") {
    const result = await finishMfaSetup(session, request, at);
    if (!result.ok) return { ...prev, formError: result.error };
    await rememberLocale(session.user.language);
    return completeStep(result.handoff, "/");
  }
  return { stage: "choose" };
}
