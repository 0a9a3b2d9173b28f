"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import { passkeyChallenge } from "@/lib/data/identity/mfa";
import { mfaSetupOptions } from "@/lib/data/identity/mfa-setup";
import { passkeyRegistrationOptions, registerPasskey } from "@/lib/data/identity/passkeys";
import { firstIssue } from "@/lib/validation/identity";
import { parseCeremonyResponse, passkeyNameSchema, registrationResponseSchema } from "@/lib/validation/passkeys";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

// The passkey ceremonies' server side (docs/decisions/018-passkeys.md), called from the browser
// by components/mfa/passkey-*.tsx: options first, then the browser's answer as JSON in the
// "response" field. Signing in with the answer is app/(onboarding)/mfa/actions.ts's, and
// re-verifying app/(portal)/profile/security/actions.ts's.

export type PasskeyRegistrationOptionsState = ActionState<{ options: PublicKeyCredentialCreationOptionsJSON }>;
export type PasskeyRegistrationState = ActionState<{ recoveryCodes: string[] | null }>;
export type PasskeyChallengeState = ActionState<{ options: PublicKeyCredentialRequestOptionsJSON }>;

/** Signed out → the sign-in page; a second factor not checked recently → Security settings, which asks for it first. */
function leaveUnlessAllowed(refusal: Refusal) {
  if (refusal.error === "unauthenticated") redirect("/sign-in");
  if (refusal.error === "forbidden") redirect("/profile/security");
}

/** Set-up (onboarding or Security settings): the options for creating a passkey. */
export async function passkeyRegistrationOptionsAction(): Promise<PasskeyRegistrationOptionsState> {
  const result = await passkeyRegistrationOptions();
  if (result.ok) return { ok: true, options: result.options };
  leaveUnlessAllowed(result);
  return { formError: messageKeyOf(result) };
}

/** Set-up: the browser's new passkey, and the name the person gave it. */
export async function registerPasskeyAction(formData: FormData): Promise<PasskeyRegistrationState> {
  if (hasUnexpectedFields(formData, ["response", "name"])) return { formError: "invalid" };
  const name = passkeyNameSchema.safeParse(text(formData, "name"));
  if (!name.success) {
    // Still only for a caller who may set up a factor.
    const options = await mfaSetupOptions();
    if (!options.ok) leaveUnlessAllowed(options);
    return { fieldErrors: { name: [firstIssue(name.error)] }, values: { name: text(formData, "name") } };
  }
  // An answer that is not one is sent as none: the data layer checks the caller first.
  const response = parseCeremonyResponse(registrationResponseSchema, text(formData, "response"));
  const result = await registerPasskey({ response: response as RegistrationResponseJSON | null, name: name.data });
  if (!result.ok) {
    leaveUnlessAllowed(result);
    return { formError: messageKeyOf(result), values: { name: name.data } };
  }
  revalidatePath("/profile/security");
  return { ok: true, recoveryCodes: result.recoveryCodes };
}

/** Sign-in's second-factor step, or re-verifying in Security settings: the options for using a passkey. */
export async function passkeyChallengeAction(): Promise<PasskeyChallengeState> {
  const result = await passkeyChallenge();
  if (result.ok) return { ok: true, options: result.options };
  if (result.error === "unauthenticated") redirect("/sign-in");
  return { formError: messageKeyOf(result) };
}
