// The caller and the clock of the next data-layer calls in an integration test. The data layer
// resolves both itself (lib/auth/authorize.ts): the caller from the Auth.js cookie (mocked in
// tests/utils/next-mocks.ts) and the Session row behind it, the time from lib/clock.ts
// (PORTH_FAKE_NOW outside production). Use with the next-mocks' vi.mock lines in the file:
//
//   await actAs(db.prisma, eoSession, T0);   // the EO, at T0
//   await actAs(db.prisma, null);            // signed out
//
// The session row is kept alive at `at` (its idle clock set to `at`), so a test may move the
// clock by days without the session timing out; tests of the timeouts call findLiveSession.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { signInAs } from "./next-mocks";

export async function actAs(prisma: PrismaClient, session: { id: string } | null, at?: Date): Promise<void> {
  if (at) setNow(at);
  signInAs(session?.id ?? null);
  if (!session) return;
  const when = at ?? new Date(process.env.PORTH_FAKE_NOW ?? Date.now());
  const row = await prisma.session.findUnique({ where: { id: session.id }, select: { expires: true } });
  if (!row) return;
  await prisma.session.update({
    where: { id: session.id },
    data: {
      lastSeenAt: when,
      ...(row.expires.getTime() <= when.getTime() + 3_600_000
        ? { expires: new Date(when.getTime() + 12 * 3_600_000) }
        : {}),
    },
  });
}

/** Pins the server clock (lib/clock.ts) for the next calls. */
export function setNow(at: Date): void {
  process.env.PORTH_FAKE_NOW = at.toISOString();
}
