// The world of the A2C tests (tests/integration/a2c-*.test.ts): two centres with candidates,
// entries and results in the June 2027 series (BST) and, for two of centre A's candidates, the
// January 2028 series (GMT); and signed-in sessions at centre A (an Exams Officer, Admins with and
// without the a2c permission, Users without it) and centre B's Exams Officer. Each test file
// builds its own, on its own database, with its vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { generateKey } from "@/lib/data/a2c/keys";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createQualificationCatalogue,
  createSeries,
  createUser,
} from "../../factories";
import { actAs } from "../../utils/act-as";
import { openSession } from "../../utils/sessions";
import { createTestDb, type TestDb } from "../../utils/test-db";

export const NOW = new Date("2027-09-01T09:00:00Z");

export type TestSession = { id: string; userId: string };

export type A2cWorld = {
  db: TestDb;
  centreA: Centre;
  centreB: Centre;
  june: Series;
  january: Series;
  s: Record<"eo" | "admin" | "adminBare" | "user" | "userAll" | "eoB", TestSession>;
  /** The next key-management calls are made by `session`, at NOW. */
  as(session: TestSession): Promise<void>;
  /** A new key of the caller's centre, made by `session` (default: centre A's Exams Officer). */
  newKey(session?: TestSession): Promise<{ id: string; key: string }>;
};

/** A new test database holding the world (call in beforeAll; close `db` in afterAll). */
export async function buildA2cWorld(): Promise<A2cWorld> {
  const db = await createTestDb();
  try {
    return await populate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function populate(db: TestDb): Promise<A2cWorld> {
  const s: A2cWorld["s"] = {} as never;

  async function sessionFor(options: Parameters<typeof createUser>[1]): Promise<TestSession> {
    const user = await createUser(db.prisma, { mfa: "totp", ...options });
    return { id: await openSession(db.prisma, user.id, NOW), userId: user.id };
  }

  async function as(session: TestSession): Promise<void> {
    await actAs(db.prisma, session, NOW);
  }

  async function newKey(session: TestSession = s.eo): Promise<{ id: string; key: string }> {
    await as(session);
    const made = await generateKey(`key ${randomBytes(3).toString("hex")}`);
    if (!made.ok) throw new Error("could not make a key");
    return made;
  }

  const centreA = await createCentre(db.prisma);
  const centreB = await createCentre(db.prisma);
  const catalogue = await createQualificationCatalogue(db.prisma);
  const june = await createSeries(db.prisma);
  // A winter series: results day Thu 13 Jan 2028, restricted release 00:00 GMT on 12 Jan.
  const january = await createSeries(db.prisma, {
    code: "2028-01",
    nameEn: "January 2028",
    nameCy: "Ionawr 2028",
    resultsDay: new Date(Date.UTC(2028, 0, 13)),
  });
  const candA = await createCandidates(db.prisma, centreA, 6);
  const candB = await createCandidates(db.prisma, centreB, 4);
  await createEntriesAndResults(db.prisma, centreA, june, candA, catalogue.specs, { entriesPerCandidate: [2, 2] });
  await createEntriesAndResults(db.prisma, centreB, june, candB, catalogue.specs, { entriesPerCandidate: [2, 2] });
  await createEntriesAndResults(db.prisma, centreA, january, candA.slice(0, 2), catalogue.specs, {
    entriesPerCandidate: [1, 1],
  });
  s.eo = await sessionFor({ role: "EXAMS_OFFICER", centre: centreA, name: "Eira Officer" });
  s.admin = await sessionFor({ role: "ADMIN", centre: centreA, grants: ["a2c"] });
  s.adminBare = await sessionFor({ role: "ADMIN", centre: centreA, grants: [] });
  s.user = await sessionFor({ role: "USER", centre: centreA });
  s.userAll = await sessionFor({ role: "USER", centre: centreA, grants: ["entries", "results"] });
  s.eoB = await sessionFor({ role: "EXAMS_OFFICER", centre: centreB });

  return { db, centreA, centreB, june, january, s, as, newKey };
}
