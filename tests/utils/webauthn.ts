// A software passkey for tests: an ES256 key pair from node:crypto that answers the portal's
// WebAuthn options the way a browser and an authenticator together would, with attestation
// "none" (docs/decisions/018-passkeys.md). The CBOR is @simplewebauthn/server's own encoder.
//
//   const key = new SoftPasskey({ origin: "https://porth.test" });
//   const registration = key.register(optionsFromTheServer);      // RegistrationResponseJSON
//   const assertion = key.assert(requestOptionsFromTheServer);    // AuthenticationResponseJSON
//
// Each option can be overridden per call to make a bad answer: another origin, another relying
// party, a stale challenge, a counter that goes backwards.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

// Authenticator data flags (WebAuthn §6.1).
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export type CeremonyOverrides = {
  origin?: string;
  rpID?: string;
  challenge?: string;
  /** The signature counter to report (default: one more than the last). */
  counter?: number;
  userVerified?: boolean;
};

export class SoftPasskey {
  readonly credentialId: Buffer;
  readonly origin: string;
  /** The signature counter last reported; 0 and `keepsCounter: false` for one that keeps none. */
  counter: number;
  private readonly privateKey: KeyObject;
  private readonly x: Buffer;
  private readonly y: Buffer;
  private readonly keepsCounter: boolean;
  private userHandle: string | undefined;

  constructor(options: { origin: string; keepsCounter?: boolean }) {
    this.origin = options.origin;
    this.keepsCounter = options.keepsCounter ?? true;
    this.counter = 0;
    this.credentialId = randomBytes(32);
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: "jwk" });
    this.x = Buffer.from(jwk.x!, "base64url");
    this.y = Buffer.from(jwk.y!, "base64url");
  }

  /** The credential id as the portal stores it (base64url). */
  get id(): string {
    return b64url(this.credentialId);
  }

  /** The COSE_Key of the public key (ES256: kty EC2, alg ES256, crv P-256, x, y; RFC 9053), as the portal stores it. */
  get publicKey(): Uint8Array {
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(this.x)],
        [-3, new Uint8Array(this.y)],
      ]),
    );
  }

  /** A copy of this passkey (same key and id, its own counter): what a cloned authenticator would be. */
  clone(): SoftPasskey {
    return Object.assign(Object.create(SoftPasskey.prototype) as SoftPasskey, this);
  }

  private rpIdHash(rpID: string) {
    return sha256(rpID);
  }

  private nextCounter(override?: number): number {
    if (override !== undefined) return override;
    if (!this.keepsCounter) return 0;
    this.counter += 1;
    return this.counter;
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create() with attestation "none". */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides: CeremonyOverrides = {},
  ): RegistrationResponseJSON {
    const rpID = overrides.rpID ?? options.rp.id ?? new URL(this.origin).hostname;
    const clientDataJSON = this.clientData(
      "webauthn.create",
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    const counter = this.nextCounter(overrides.counter);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.rpIdHash(rpID),
      Buffer.from([UP | (overrides.userVerified === false ? 0 : UV) | AT]),
      counterBytes(counter),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      Buffer.from(this.publicKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    this.userHandle = options.user.id;
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(). */
  assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides: CeremonyOverrides = {},
  ): AuthenticationResponseJSON {
    const rpID = overrides.rpID ?? options.rpId ?? new URL(this.origin).hostname;
    const clientDataJSON = this.clientData(
      "webauthn.get",
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    const counter = this.nextCounter(overrides.counter);
    const authData = Buffer.concat([
      this.rpIdHash(rpID),
      Buffer.from([UP | (overrides.userVerified === false ? 0 : UV)]),
      counterBytes(counter),
    ]);
    // ES256 signatures are DER-encoded ECDSA over authenticatorData ‖ SHA-256(clientDataJSON).
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}
