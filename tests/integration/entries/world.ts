// The world of the entries tests (tests/integration/entries-*.test.ts): centre A with five
// candidates and centre B with two, the qualification catalogue, the June 2027 series, and
// signed-in sessions for centre A's Exams Officer, an Admin, a User with the entries permission
// and one without it, and centre B's Exams Officer. Each test file builds its own, on its own
// database, with the next-mocks' vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { findLiveSession, type LiveSession } from "@/lib/data/identity/sessions";
import { londonTime } from "@/lib/time";
import {
  createCandidates,
  createCentre,
  createQualificationCatalogue,
  createSeries,
  createUser,
  type Catalogue,
} from "../../factories";
import { actAs } from "../../utils/act-as";
import { createTestDb, type TestDb } from "../../utils/test-db";

export const NOW = new Date("2027-01-10T10:00:00Z");
export const DEADLINE = londonTime(2027, 2, 21, 23, 59, 59);

export type EntriesWorld = {
  db: TestDb;
  centreA: Centre;
  centreB: Centre;
  series: Series;
  catalogue: Catalogue;
  s: Record<"eo" | "admin" | "userEntries" | "user" | "eoB", LiveSession>;
  /** The caller (and the server's clock) of the next data-layer calls. */
  as(session: LiveSession | null, at?: Date): Promise<void>;
};

/** A new test database holding the world (call in beforeAll; close `db` in afterAll). */
export async function buildEntriesWorld(): Promise<EntriesWorld> {
  const db = await createTestDb();
  try {
    return await populate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function populate(db: TestDb): Promise<EntriesWorld> {
  const s: EntriesWorld["s"] = {} as never;

  async function sessionFor(options: Parameters<typeof createUser>[1]): Promise<LiveSession> {
    const user = await createUser(db.prisma, { mfa: "totp", ...options });
    const id = randomBytes(16).toString("hex");
    await db.prisma.session.create({
      data: {
        id,
        sessionToken: id,
        userId: user.id,
        expires: new Date(NOW.getTime() + 3600_000),
        lastSeenAt: NOW,
        mfaAt: NOW,
      },
    });
    return (await findLiveSession(id, NOW))!;
  }

  const centreA = await createCentre(db.prisma);
  const centreB = await createCentre(db.prisma);
  const catalogue = await createQualificationCatalogue(db.prisma);
  const series = await createSeries(db.prisma);
  await createCandidates(db.prisma, centreA, 5);
  await createCandidates(db.prisma, centreB, 2);
  s.eo = await sessionFor({ role: "EXAMS_OFFICER", centre: centreA });
  s.admin = await sessionFor({ role: "ADMIN", centre: centreA, grants: [] });
  s.userEntries = await sessionFor({ role: "USER", centre: centreA, grants: ["entries"] });
  s.user = await sessionFor({ role: "USER", centre: centreA });
  s.eoB = await sessionFor({ role: "EXAMS_OFFICER", centre: centreB });

  return {
    db,
    centreA,
    centreB,
    series,
    catalogue,
    s,
    as: (session, at = NOW) => actAs(db.prisma, session, at),
  };
}
