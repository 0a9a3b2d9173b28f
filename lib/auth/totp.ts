import { createGuardrails, generate, generateSecret, generateURI, verify } from "otplib";

// Authenticator-app codes (RFC 6238, 30-second steps, 6 digits). A code is accepted from the
// step before to the step after the server's (±1 step for clock drift) and never from a step
// at or before the last one used — so a code cannot be replayed.

export const TOTP_PERIOD = 30;
export const ISSUER = "Porth";

// New secrets are 160-bit (otplib's default, RFC 4226's recommendation). The checks accept
// secrets from 80 bits so the demo accounts' well-known key JBSWY3DPEHPK3PXP works.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: ISSUER, label, secret });
}

export async function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000), guardrails });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; replay: boolean };

export async function checkTotp(
  secret: string,
  token: string,
  at: Date,
  lastUsedStep: number | null,
): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(token)) return { ok: false, replay: false };
  const epoch = Math.floor(at.getTime() / 1000);
  const base = { secret, token, epoch, epochTolerance: TOTP_PERIOD, guardrails } as const;
  // A last used step beyond the window (the server's clock has gone back since) leaves no step a
  // code could be accepted from; otplib would throw rather than answer.
  const beyond = lastUsedStep != null && lastUsedStep >= Math.floor(epoch / TOTP_PERIOD) + 1;
  const result = beyond
    ? { valid: false as const }
    : await verify(lastUsedStep == null ? base : { ...base, afterTimeStep: lastUsedStep });
  if (result.valid && "timeStep" in result) return { ok: true, step: result.timeStep };
  if (lastUsedStep != null) {
    // Tell a replayed code from a wrong one, so the replay can be audited.
    const again = await verify(base);
    if (again.valid) return { ok: false, replay: true };
  }
  return { ok: false, replay: false };
}
