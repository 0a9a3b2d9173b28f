// The fixture world of the authorization matrix: two centres, one account per actor, each with a
// live session whose id the mocked Auth.js cookie names.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCentre } from "../factories/centres";
import { createUser } from "../factories/users";
import { createQualificationCatalogue } from "../factories/catalogue";
import { createSeries } from "../factories/series";
import { ADMIN_PERMS, USER_PERMS, type Actor, type Fixtures } from "./types";
import { buildResourceFixtures } from "./resources-fixtures";
import { buildPostResultsFixtures } from "./post-results-fixtures";

export type World = Fixtures & { sessionIds: Partial<Record<Actor, string>>; refreshSessions(at: Date): Promise<void> };

export async function buildWorld(prisma: PrismaClient): Promise<World> {
  const centreA = await createCentre(prisma);
  const centreB = await createCentre(prisma);
  await createQualificationCatalogue(prisma);
  const series = await createSeries(prisma);
  const userIds: Partial<Record<Actor, string>> = {};
  const sessionIds: Partial<Record<Actor, string>> = {};

  const make = async (actor: Actor, options: Parameters<typeof createUser>[1], pendingStep: string | null = null) => {
    const user = await createUser(prisma, { mfa: "totp", ...options });
    userIds[actor] = user.id;
    const id = randomBytes(16).toString("hex");
    await prisma.session.create({
      data: {
        id,
        sessionToken: id,
        userId: user.id,
        expires: new Date(Date.now() + 3600_000),
        pendingStep,
        mfaAt: pendingStep ? null : new Date(),
      },
    });
    sessionIds[actor] = id;
  };

  await make("board", { role: "BOARD_STAFF", centre: null });
  await make("eo", { role: "EXAMS_OFFICER", centre: centreA });
  await make("admin", { role: "ADMIN", centre: centreA, grants: [...ADMIN_PERMS] });
  await make("adminBare", { role: "ADMIN", centre: centreA, grants: [] });
  await make("user", { role: "USER", centre: centreA });
  for (const p of USER_PERMS) await make(`user+${p}`, { role: "USER", centre: centreA, grants: [p] });
  await make("appointee", { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
  await make("otherCentre", { role: "EXAMS_OFFICER", centre: centreB });
  // A centre Admin part-way through signing in: password done, second factor still to come.
  await make("pendingMfa", { role: "ADMIN", centre: centreA, grants: [...ADMIN_PERMS] }, "mfa");

  const resources = await buildResourceFixtures(prisma, { centreAId: centreA.id, seriesId: series.id });
  const postResults = await buildPostResultsFixtures(prisma, { centreAId: centreA.id, seriesId: series.id });

  return {
    prisma,
    resources,
    postResults,
    centreA: { id: centreA.id, number: centreA.number },
    centreB: { id: centreB.id, number: centreB.number },
    userIds,
    sessionIds,
    seriesId: series.id,
    seriesCode: series.code,
    async newCentreUser(role, options = {}) {
      const user = await createUser(prisma, {
        role,
        centre: centreA,
        grants: (options.grants ?? []) as never,
        mfa: "totp",
      });
      return user.id;
    },
    async refreshSessions(at: Date) {
      // Sessions idle out after an hour of the server's clock, and a row may sign its caller out:
      // each call starts with every actor's session alive at the row's time.
      await prisma.session.updateMany({
        where: { id: { in: Object.values(sessionIds) } },
        data: { lastSeenAt: at, expires: new Date(at.getTime() + 3600_000), revokedAt: null },
      });
    },
  };
}
