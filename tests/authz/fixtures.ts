// The fixture world of the authorization matrix: two centres, one account per actor, each with a
// live session whose id the mocked Auth.js cookie names.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCentre } from "../factories/centres";
import { createUser } from "../factories/users";
import { createQualificationCatalogue } from "../factories/catalogue";
import { createSeries } from "../factories/series";
import { makeUci } from "../factories/candidates";
import { ADMIN_PERMS, USER_PERMS, type Actor, type Fixtures } from "./types";
import { buildResourceFixtures } from "./resources-fixtures";
import { buildPostResultsFixtures } from "./post-results-fixtures";

export type World = Fixtures & {
  /**
   * Every actor's session alive at `at`; with `secondFactorJustChecked`, its second factor
   * checked at `at` too (what Security settings ask of a sensitive change).
   */
  refreshSessions(at: Date, options?: { secondFactorJustChecked?: boolean }): Promise<void>;
};

export async function buildWorld(prisma: PrismaClient): Promise<World> {
  // The rows send invites, codes and notices: never into the developer's .data/outbox.
  process.env.OUTBOX_DIR ??= path.join(mkdtempSync(path.join(tmpdir(), "porth-matrix-")), "outbox");
  const centreA = await createCentre(prisma);
  const centreB = await createCentre(prisma);
  await createQualificationCatalogue(prisma);
  const series = await createSeries(prisma);
  const userIds: Partial<Record<Actor, string>> = {};
  const sessionIds: Partial<Record<Actor, string>> = {};

  const newSessionOf = async (userId: string, pendingStep: string | null = null) => {
    const id = randomBytes(16).toString("hex");
    await prisma.session.create({
      data: {
        id,
        sessionToken: id,
        userId,
        expires: new Date(Date.now() + 3600_000),
        pendingStep,
        mfaAt: pendingStep ? null : new Date(),
      },
    });
    return id;
  };
  const make = async (actor: Actor, options: Parameters<typeof createUser>[1], pendingStep: string | null = null) => {
    const user = await createUser(prisma, { mfa: "totp", ...options });
    userIds[actor] = user.id;
    sessionIds[actor] = await newSessionOf(user.id, pendingStep);
  };

  await make("board", { role: "BOARD_STAFF", centre: null });
  await make("eo", { role: "EXAMS_OFFICER", centre: centreA });
  await make("admin", { role: "ADMIN", centre: centreA, grants: [...ADMIN_PERMS] });
  await make("adminBare", { role: "ADMIN", centre: centreA, grants: [] });
  await make("user", { role: "USER", centre: centreA });
  for (const p of USER_PERMS) await make(`user+${p}`, { role: "USER", centre: centreA, grants: [p] });
  await make("appointee", { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
  await make("moderator", { role: "APPOINTEE", centre: null, appointeeType: "MODERATOR" });
  await make("otherCentre", { role: "EXAMS_OFFICER", centre: centreB });
  // A centre Admin part-way through signing in: password done, second factor still to come.
  await make("pendingMfa", { role: "ADMIN", centre: centreA, grants: [...ADMIN_PERMS] }, "mfa");

  const specification = await prisma.specification.findFirstOrThrow({ orderBy: { code: "asc" } });
  const latin = await prisma.specification.findUniqueOrThrow({
    where: { code: "9521" },
    include: { components: { orderBy: { code: "asc" } } },
  });
  const centres = { A: centreA, B: centreB };

  // Candidate numbers and UCI serials from 5000 up, one each: the fixed fixtures use 99xx.
  let serials = 5000;
  const candidateValues = () => {
    const serial = serials++;
    return { candidateNumber: String(serial), uci: makeUci(centreA.number, "24", serial) };
  };
  const newCandidate = async (centre: "A" | "B" = "A") => {
    const values = candidateValues();
    const candidate = await prisma.candidate.create({
      data: {
        centreId: centres[centre].id,
        ...values,
        firstName: "Fresh",
        lastName: `Candidate ${values.candidateNumber}`,
        dateOfBirth: new Date(Date.UTC(2010, 9, 1)),
      },
    });
    return { id: candidate.id, candidateNumber: candidate.candidateNumber, uci: candidate.uci };
  };
  const newCentreUser: Fixtures["newCentreUser"] = async (role, options = {}) => {
    const user = await createUser(prisma, {
      role,
      centre: centreA,
      grants: (options.grants ?? []) as never,
      mfa: options.invited ? "none" : "totp",
      mustChangePassword: options.invited ?? false,
    });
    return user.id;
  };

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
    newCentreUser,
    newCandidate,
    candidateValues,
    async newEntry() {
      const candidate = await newCandidate();
      const entry = await prisma.entry.create({
        data: {
          centreId: centreA.id,
          candidateId: candidate.id,
          seriesId: series.id,
          specificationId: specification.id,
        },
      });
      return entry.id;
    },
    async newEntryWithResult() {
      const candidate = await newCandidate();
      const entry = await prisma.entry.create({
        data: { centreId: centreA.id, candidateId: candidate.id, seriesId: series.id, specificationId: latin.id },
      });
      const result = await prisma.result.create({
        data: { entryId: entry.id, centreId: centreA.id, seriesId: series.id, grade: "6" },
      });
      await prisma.componentResult.create({
        data: { resultId: result.id, componentId: latin.components[0].id, mark: 40, itemMarks: [40] },
      });
      return entry.id;
    },
    async newA2cKey() {
      const key = `porth_a2c_${randomBytes(32).toString("base64url")}`;
      const row = await prisma.a2CKey.create({
        data: {
          centreId: centreA.id,
          name: "matrix",
          prefix: key.slice(0, 18),
          keyHash: createHash("sha256").update(key).digest("hex"),
          createdById: userIds.eo!,
        },
      });
      return { id: row.id, key };
    },
    async newAccessRequest(permission = "entries") {
      const userId = await newCentreUser("USER");
      const request = await prisma.accessRequest.create({
        data: { userId, centreId: centreA.id, permission: permission as never },
      });
      return request.id;
    },
    async newCentre(options = {}) {
      const centre = await createCentre(prisma);
      if (options.invitedExamsOfficer)
        await createUser(prisma, { role: "EXAMS_OFFICER", centre, mustChangePassword: true, mfa: "none" });
      return centre.id;
    },
    async newSession(actor) {
      const userId = userIds[actor];
      if (!userId) throw new Error(`${actor} has no account`);
      return newSessionOf(userId);
    },
    async withEmailFactor(actor, run) {
      const userId = userIds[actor];
      if (!userId) return run();
      // The newest verified active factor is the one asked for (lib/data/identity/mfa.ts).
      const factor = await prisma.mfaFactor.create({
        data: { userId, method: "EMAIL", active: true, verifiedAt: new Date(Date.now() + 1000) },
      });
      try {
        return await run();
      } finally {
        await prisma.mfaFactor.delete({ where: { id: factor.id } });
      }
    },
    async refreshSessions(at, options = {}) {
      // Sessions idle out after an hour of the server's clock, and a row may sign its caller out:
      // each call starts with every actor's session alive at the row's time.
      await prisma.session.updateMany({
        where: { id: { in: Object.values(sessionIds) } },
        data: { lastSeenAt: at, expires: new Date(at.getTime() + 3600_000), revokedAt: null },
      });
      if (options.secondFactorJustChecked)
        await prisma.session.updateMany({
          where: { id: { in: Object.values(sessionIds) }, pendingStep: null },
          data: { mfaAt: at },
        });
    },
  };
}
