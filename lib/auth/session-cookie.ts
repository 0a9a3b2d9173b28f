import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// The session cookie is an encrypted JWT (docs/decisions/003-sessions.md) that only names a
// Session row. Opening it derives a key and decrypts, and both proxy.ts and the page need it on
// every request. An opened cookie is remembered by its exact value (with the secret and salt that
// opened it), in this process only, for a minute and never past the token's own expiry; a cookie
// that does not open is never remembered. What the session may do is still read from its row on
// every request (lib/auth/session.ts).

const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 5_000;

const remembered = new Map<string, { token: JWT; until: number }>();

/** Auth.js's decode, remembering what it opened (the `jwt.decode` of lib/auth/config.ts and proxy.ts). */
export async function decodeSessionCookie(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const secrets = Array.isArray(params.secret) ? params.secret.join("\u0000") : params.secret;
  const key = `${secrets}\u0000${params.salt}\u0000${params.token}`;
  const at = Date.now();
  const hit = remembered.get(key);
  if (hit && hit.until > at) return hit.token;
  if (hit) remembered.delete(key);
  const token = await decode(params);
  if (!token) return null;
  const until = Math.min(at + REMEMBER_MS, typeof token.exp === "number" ? token.exp * 1000 : at);
  if (until > at) {
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(key, { token, until });
  }
  return token;
}
