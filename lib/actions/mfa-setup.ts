"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import { completeStep, rememberLocale } from "@/lib/auth/session";
import {
  confirmSetup,
  finishMfaSetup,
  mfaSetupOptions,
  startCodeSetup,
  startTotpSetup,
} from "@/lib/data/identity/mfa-setup";
import { text, type ActionState } from "@/lib/validation/action-state";

export type SetupState = ActionState<{
  stage: "choose" | "totp" | "code" | "passkey" | "done";
  method: "TOTP" | "SMS" | "EMAIL" | "PASSKEY";
  secret: string;
  uri: string;
  qr: string;
  destination: string;
  recoveryCodes: string[];
}>;

const methodSchema = z.enum(["TOTP", "SMS", "EMAIL", "PASSKEY"]);

/**
 * Signed out → the sign-in page; signed in but the second factor not checked recently → Security
 * settings, which asks for it first (lib/auth/mfa-methods.ts).
 */
function leaveUnlessAllowed(refusal: Refusal) {
  if (refusal.error === "unauthenticated") redirect("/sign-in");
  if (refusal.error === "forbidden") redirect("/profile/security");
}

/**
 * Choose a method → verify a code from it → see recovery codes (docs/product-rules.md, "Sign-in
 * and sessions"). Choosing a passkey moves to the browser's part (components/mfa/passkey-register.tsx,
 * lib/actions/passkeys.ts); without JavaScript that page says a passkey needs it.
 */
export async function mfaSetupAction(prev: SetupState, formData: FormData): Promise<SetupState> {
  const intent = text(formData, "intent");

  if (intent === "choose") {
    const method = methodSchema.safeParse(text(formData, "method"));
    if (method.data === "TOTP") {
      const started = await startTotpSetup();
      if (!started.ok) {
        leaveUnlessAllowed(started);
        return { stage: "choose", formError: messageKeyOf(started) };
      }
      return { stage: "totp", method: "TOTP", secret: started.secret, uri: started.uri, qr: started.qr };
    }
    if (method.data === "SMS" || method.data === "EMAIL") {
      const phone = text(formData, "phone");
      const started = await startCodeSetup({ method: method.data, phone });
      if (!started.ok) {
        leaveUnlessAllowed(started);
        const key = messageKeyOf(started);
        return key === "invalidPhone"
          ? { stage: "choose", method: method.data, fieldErrors: { phone: [key] }, values: { phone } }
          : { stage: "choose", method: method.data, formError: key };
      }
      return { stage: "code", method: method.data, destination: started.destination };
    }
    // A passkey, or no method chosen: still only for a caller who may set one up.
    const options = await mfaSetupOptions();
    if (!options.ok) leaveUnlessAllowed(options);
    if (method.data === "PASSKEY" && options.ok && options.methods.includes("PASSKEY"))
      return { stage: "passkey", method: "PASSKEY" };
    return { stage: "choose", fieldErrors: { method: ["invalidChoice"] } };
  }

  if (intent === "confirm") {
    const result = await confirmSetup(text(formData, "code"));
    if (!result.ok) {
      leaveUnlessAllowed(result);
      return { ...prev, fieldErrors: { code: [messageKeyOf(result)] } };
    }
    return { stage: "done", recoveryCodes: result.recoveryCodes };
  }

  if (intent === "finish") {
    const result = await finishMfaSetup();
    if (!result.ok) {
      if (result.error === "unauthenticated") redirect("/sign-in");
      return { ...prev, formError: messageKeyOf(result) };
    }
    await rememberLocale(result.language);
    return completeStep(result.handoff, "/");
  }

  const options = await mfaSetupOptions();
  if (!options.ok) leaveUnlessAllowed(options);
  return { stage: "choose" };
}
