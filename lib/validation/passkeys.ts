import { z } from "zod";
import { PASSKEY_NAME_MAX } from "@/lib/auth/webauthn";

// What a browser sends back from a passkey ceremony (@simplewebauthn/browser's
// startRegistration / startAuthentication), as JSON in one form field. Only the shape is checked
// here; the data layer verifies the signatures, challenge, origin and relying party
// (lib/data/identity/passkeys.ts). Messages are keys of the "errors" namespace.

const base64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/);

const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;

const credential = {
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const registrationResponseSchema = z.object({
  ...credential,
  response: z.object({
    clientDataJSON: base64url.min(1),
    attestationObject: base64url.min(1),
    authenticatorData: base64url.optional(),
    // Unknown transports are dropped, not refused: browsers add new ones.
    transports: z
      .array(z.string().max(32))
      .max(10)
      .optional()
      .transform((list) =>
        list?.filter((t): t is (typeof TRANSPORTS)[number] => (TRANSPORTS as readonly string[]).includes(t)),
      ),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...credential,
  response: z.object({
    clientDataJSON: base64url.min(1),
    authenticatorData: base64url.min(1),
    signature: base64url.min(1),
    userHandle: base64url.optional(),
  }),
});

export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

/** A ceremony's response from its form field (JSON), or null when it is not one. */
export function parseCeremonyResponse<T>(schema: z.ZodType<T>, json: string): T | null {
  if (json.length === 0 || json.length > 65_536) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The name a person gives a passkey ("Work laptop"); may be blank. */
export const passkeyNameSchema = z.string().trim().max(PASSKEY_NAME_MAX, "tooLongField");
