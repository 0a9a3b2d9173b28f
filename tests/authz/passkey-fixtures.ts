// Passkeys in the authorization matrix (docs/decisions/018-passkeys.md): a software authenticator
// (tests/utils/webauthn.ts) answers the portal's options, so every allowed caller reaches the
// success path of the passkey endpoints. Every actor's own factor is an authenticator app, which
// later rows sign in with: these helpers put it back.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SoftPasskey } from "../utils/webauthn";
import { headersMock, setRequestHeaders } from "../utils/next-mocks";
import type { Actor, Fixtures } from "./types";

export const PASSKEY_ORIGIN = "https://porth.test";

/**
 * The next calls are posted from the portal's own page: Host and Origin name the portal (which
 * is who a passkey is for), and the row's client address stays.
 */
export async function fromPortalPage(): Promise<void> {
  const current = Object.fromEntries((await headersMock.headers()).entries());
  setRequestHeaders({ ...current, host: new URL(PASSKEY_ORIGIN).host, origin: PASSKEY_ORIGIN });
}

/**
 * Runs `run` with `count` software passkeys as the actor's active second factor (a PASSKEY factor
 * newer than their own), then takes them away again. An actor with no account gets keys that
 * nothing knows.
 */
export async function withPasskeys<T>(
  fx: Fixtures,
  actor: Actor,
  count: number,
  run: (keys: { key: SoftPasskey; id: string | null }[]) => Promise<T>,
): Promise<T> {
  const keys = Array.from({ length: count }, () => new SoftPasskey({ origin: PASSKEY_ORIGIN }));
  const userId = fx.userIds[actor];
  if (!userId) return run(keys.map((key) => ({ key, id: null })));
  // The newest verified active factor is the one asked for (lib/data/identity/mfa.ts).
  const factor = await fx.prisma.mfaFactor.create({
    data: { userId, method: "PASSKEY", active: true, verifiedAt: new Date(Date.now() + 1000) },
  });
  const rows: { id: string }[] = [];
  for (const key of keys)
    rows.push(
      await fx.prisma.passkey.create({
        data: { userId, credentialId: key.id, publicKey: new Uint8Array(key.publicKey), transports: ["internal"] },
      }),
    );
  try {
    return await run(keys.map((key, i) => ({ key, id: rows[i].id })));
  } finally {
    await fx.prisma.passkey.deleteMany({ where: { userId } });
    await fx.prisma.mfaFactor.deleteMany({ where: { id: factor.id } });
  }
}

/**
 * Runs `run`, which may replace the actor's second factor (setting up a passkey does), then puts
 * back the factor, recovery codes and passkeys the actor had.
 */
export async function keepingSecondFactor<T>(prisma: PrismaClient, userId: string | undefined, run: () => Promise<T>) {
  if (!userId) return run();
  const [factors, codes, passkeys] = await Promise.all([
    prisma.mfaFactor.findMany({ where: { userId } }),
    prisma.recoveryCode.findMany({ where: { userId } }),
    prisma.passkey.findMany({ where: { userId } }),
  ]);
  try {
    return await run();
  } finally {
    await prisma.$transaction([
      prisma.passkey.deleteMany({ where: { userId } }),
      prisma.mfaFactor.deleteMany({ where: { userId } }),
      prisma.recoveryCode.deleteMany({ where: { userId } }),
      prisma.mfaFactor.createMany({ data: factors }),
      prisma.recoveryCode.createMany({ data: codes }),
      prisma.passkey.createMany({ data: passkeys }),
    ]);
  }
}
