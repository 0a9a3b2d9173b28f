// The world of the results tests (tests/integration/results-*.test.ts): two centres with
// candidates, entries and results in a June (BST) and a January (GMT) series, and signed-in
// actors at centre A (an Exams Officer, an Admin, a User with the results permission and a User
// without it) and centre B's Exams Officer. Each test file builds its own, on its own database,
// with the next-mocks' vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Result } from "@/lib/auth/authorize";
import type { Candidate, Centre, Series } from "@/lib/generated/prisma/client";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createGradeBoundaries,
  createQualificationCatalogue,
  createSeries,
  createUser,
  type Catalogue,
  type CreatedUser,
} from "../../factories";
import { actAs } from "../../utils/act-as";
import { createTestDb, type TestDb } from "../../utils/test-db";

export type ActorKey = "eo" | "admin" | "userResults" | "userPlain";
export const ACTOR_KEYS: ActorKey[] = ["eo", "admin", "userResults", "userPlain"];

// The four instants around each release, as UTC instants written out by hand (not computed
// by the code under test): London is UTC+1 in August (BST) and UTC+0 in January (GMT).
export const CLOCKS = {
  bst: [
    { label: "23:59:59 BST the evening before the restricted-release day", at: "2027-08-17T22:59:59Z" },
    { label: "00:00:00 BST on the restricted-release day", at: "2027-08-17T23:00:00Z" },
    { label: "07:59:59 BST on results day", at: "2027-08-19T06:59:59Z" },
    { label: "08:00:00 BST on results day", at: "2027-08-19T07:00:00Z" },
  ],
  gmt: [
    { label: "23:59:59 GMT the evening before the restricted-release day", at: "2028-01-11T23:59:59Z" },
    { label: "00:00:00 GMT on the restricted-release day", at: "2028-01-12T00:00:00Z" },
    { label: "07:59:59 GMT on results day", at: "2028-01-13T07:59:59Z" },
    { label: "08:00:00 GMT on results day", at: "2028-01-13T08:00:00Z" },
  ],
} as const;

/** Who sees results at each of the four instants. */
export const EXPECTED: Record<ActorKey, [boolean, boolean, boolean, boolean]> = {
  eo: [false, true, true, true],
  admin: [false, true, true, true],
  userResults: [false, false, false, true],
  userPlain: [false, false, false, false],
};

export type ResultsWorld = {
  db: TestDb;
  centreA: Centre;
  centreB: Centre;
  catalogue: Catalogue;
  june: Series;
  january: Series;
  candidatesA: Candidate[];
  candidatesB: Candidate[];
  users: Record<ActorKey | "eoB", CreatedUser>;
  sessions: Record<ActorKey | "eoB", string>;
  /** The next data-layer calls are made by `actor` (null: signed out) at `at`. */
  as(actor: ActorKey | "eoB" | null, at: Date | string): Promise<void>;
};

/** The value of an answer that must not be a refusal. */
export function ok<T extends object>(result: Result<T>): T {
  expect(result).toMatchObject({ ok: true });
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}

/** A new test database holding the world (call in beforeAll; close `db` in afterAll). */
export async function buildResultsWorld(): Promise<ResultsWorld> {
  const db = await createTestDb();
  try {
    return await populate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function populate(db: TestDb): Promise<ResultsWorld> {
  const users = {} as Record<ActorKey | "eoB", CreatedUser>;
  const sessions = {} as Record<ActorKey | "eoB", string>;

  async function openSession(user: CreatedUser): Promise<string> {
    const id = randomBytes(16).toString("hex");
    await db.prisma.session.create({
      data: {
        id,
        sessionToken: id,
        userId: user.id,
        expires: new Date("2100-01-01T00:00:00Z"),
        mfaAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    return id;
  }

  const prisma = db.prisma;
  const catalogue = await createQualificationCatalogue(prisma, { only: ["9521", "9531", "9541", "9611", "9621"] });
  const centreA = await createCentre(prisma);
  const centreB = await createCentre(prisma);
  const june = await createSeries(prisma);
  const january = await createSeries(prisma, {
    code: "2028-01",
    nameEn: "January 2028",
    nameCy: "Ionawr 2028",
    resultsDay: new Date(Date.UTC(2028, 0, 13)),
  });
  for (const series of [june, january]) await createGradeBoundaries(prisma, series, catalogue.components);
  const candidatesA = await createCandidates(prisma, centreA, 24);
  const candidatesB = await createCandidates(prisma, centreB, 10);
  for (const series of [june, january]) {
    await createEntriesAndResults(prisma, centreA, series, candidatesA, catalogue.specs);
    await createEntriesAndResults(prisma, centreB, series, candidatesB, catalogue.specs);
  }
  users.eo = await createUser(prisma, { role: "EXAMS_OFFICER", centre: centreA });
  users.admin = await createUser(prisma, { role: "ADMIN", centre: centreA });
  users.userResults = await createUser(prisma, { role: "USER", centre: centreA, grants: ["results"] });
  users.userPlain = await createUser(prisma, { role: "USER", centre: centreA, grants: ["entries"] });
  users.eoB = await createUser(prisma, { role: "EXAMS_OFFICER", centre: centreB });
  for (const key of [...ACTOR_KEYS, "eoB"] as const) sessions[key] = await openSession(users[key]);

  return {
    db,
    centreA,
    centreB,
    catalogue,
    june,
    january,
    candidatesA,
    candidatesB,
    users,
    sessions,
    async as(actor, at) {
      await actAs(db.prisma, actor ? { id: sessions[actor] } : null, new Date(at));
    },
  };
}
