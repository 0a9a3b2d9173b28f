// The passkey (WebAuthn) rules that need no database (docs/decisions/018-passkeys.md): who the
// relying party is, what a ceremony asks of the authenticator, and the single-use challenge a
// session keeps (Session.webauthnChallenge).

/** The name authenticators show beside the account. */
export const RP_NAME = "Porth";

/**
 * A passkey is the second factor, after the password: proving possession of the device is what
 * is asked, so user verification (PIN, fingerprint) is welcome but not demanded. Security keys
 * without a PIN stay usable (docs/decisions/018-passkeys.md).
 */
export const USER_VERIFICATION: "required" | "preferred" = "preferred";

/** How long a ceremony's challenge stays good (also the browser's timeout). */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** The longest name a person may give a passkey. */
export const PASSKEY_NAME_MAX = 60;

export type RelyingParty = { rpID: string; origin: string };

/**
 * The relying party of a request: the configured public origin (AUTH_URL) when there is one;
 * otherwise the request's own origin — the Origin header of the post, only when its host is the
 * Host the browser addressed (the check proxy.ts makes of every post). X-Forwarded-Host, which
 * any client can write, is never read. Null when neither says who we are.
 */
export function relyingPartyFrom(headers: Pick<Headers, "get">, authUrl: string | undefined): RelyingParty | null {
  if (authUrl) {
    try {
      const url = new URL(authUrl);
      return { rpID: url.hostname, origin: url.origin };
    } catch {
      return null;
    }
  }
  const host = headers.get("host");
  const origin = headers.get("origin");
  if (!host || !origin) return null;
  try {
    const url = new URL(origin);
    if (url.host !== host || (url.protocol !== "https:" && url.protocol !== "http:")) return null;
    return { rpID: url.hostname, origin: url.origin };
  } catch {
    return null;
  }
}

/** What a challenge was issued for: registering a passkey or signing with one. */
export type Ceremony = "create" | "get";

/** The stored form of a challenge: the ceremony, when it was issued, and the challenge itself. */
export function storedChallenge(ceremony: Ceremony, challenge: string, at: Date): string {
  return `${ceremony}:${at.getTime()}:${challenge}`;
}

/** The challenge of a stored value, when it is of this ceremony and still within CHALLENGE_TTL_MS; else null. */
export function challengeOf(stored: string | null, ceremony: Ceremony, at: Date): string | null {
  const match = stored?.match(/^(create|get):(\d+):([A-Za-z0-9_-]+)$/);
  if (!match || match[1] !== ceremony) return null;
  const issued = Number(match[2]);
  if (at.getTime() < issued || at.getTime() - issued > CHALLENGE_TTL_MS) return null;
  return match[3];
}

/**
 * A signature counter that does not move forward, from an authenticator that keeps one, means the
 * credential may have been copied: refuse it. Authenticators that keep no counter report 0 every
 * time, and are accepted while the stored counter is 0 too.
 */
export function counterGoesBack(stored: bigint, received: number): boolean {
  return (stored > 0n || received > 0) && BigInt(received) <= stored;
}
