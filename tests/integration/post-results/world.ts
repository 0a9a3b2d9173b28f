// The world of the post-results tests (tests/integration/post-results-*.test.ts): the June 2027
// series, centre A with six candidates (consent for 0001 and 0004, scripts for everybody) and an
// entry without a result, centre B with two candidates and their scripts, and accounts at both
// centres, signed in by name with signIn. Each test file builds its own, on its own database and
// file store, with its vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Result } from "@/lib/auth/authorize";
import type { Candidate, Centre, Entry, Script, Series } from "@/lib/generated/prisma/client";
import { findLiveSession } from "@/lib/data/identity/sessions";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createQualificationCatalogue,
  createScripts,
  createSeries,
  createUser,
  setScriptConsent,
  type Catalogue,
} from "@/tests/factories";
import { actAs } from "@/tests/utils/act-as";
import { createTestDb, type TestDb } from "@/tests/utils/test-db";

// June 2027: restricted release 00:00 London on 18 Aug (BST) = 2027-08-17T23:00Z; release 08:00
// London on results day 19 Aug = 07:00Z.
export const BEFORE_RESTRICTED = new Date("2027-08-17T22:59:59Z");
export const RESTRICTED = new Date("2027-08-17T23:00:00Z");
export const BEFORE_RELEASE = new Date("2027-08-19T06:59:59Z");
export const RELEASE = new Date("2027-08-19T07:00:00Z");
export const AFTER = new Date("2027-09-01T09:00:00Z");

export type PostResultsWorld = {
  db: TestDb;
  /** The file store (FILES_DIR) holding the scripts: remove it in afterAll. */
  filesDir: string;
  catalogue: Catalogue;
  series: Series;
  centreA: Centre;
  centreB: Centre;
  candidatesA: Candidate[];
  entriesA: Entry[];
  entryWithoutResult: Entry;
  entriesB: Entry[];
  scriptsA: (Script & { candidate: Candidate })[];
  scriptsB: Script[];
  /** Account ids by name. */
  users: Record<string, string>;
  /** Signs `name` in (a new session) for the next calls, at `at` (null: signed out). */
  signIn(name: string | null, at: Date): Promise<void>;
};

/** The value of a data-layer answer that must not be a refusal. */
export function okOf<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}

/**
 * A new file store (FILES_DIR points at it from now on) and test database holding the world
 * (call in beforeAll; close `db`, remove `filesDir` and restore FILES_DIR in afterAll).
 */
export async function buildPostResultsWorld(): Promise<PostResultsWorld> {
  const filesDir = mkdtempSync(path.join(tmpdir(), "porth-post-results-"));
  process.env.FILES_DIR = filesDir;
  const db = await createTestDb();
  try {
    return await populate(db, filesDir);
  } catch (e) {
    await db.close();
    rmSync(filesDir, { recursive: true, force: true });
    throw e;
  }
}

async function populate(db: TestDb, filesDir: string): Promise<PostResultsWorld> {
  const users: Record<string, string> = {};

  async function sessionOf(name: string, at: Date): Promise<{ id: string }> {
    const id = randomBytes(16).toString("hex");
    await db.prisma.session.create({
      data: {
        id,
        sessionToken: id,
        userId: users[name],
        expires: new Date(at.getTime() + 3600_000),
        lastSeenAt: at,
        mfaAt: at,
        createdAt: at,
      },
    });
    const session = await findLiveSession(id, at);
    if (!session) throw new Error(`no live session for ${name}`);
    return session;
  }

  const catalogue = await createQualificationCatalogue(db.prisma);
  const series = await createSeries(db.prisma);
  const centreA = await createCentre(db.prisma);
  const centreB = await createCentre(db.prisma);

  const candidatesA = await createCandidates(db.prisma, centreA, 6);
  const entriesA = (await createEntriesAndResults(db.prisma, centreA, series, candidatesA, catalogue.specs)).entries;
  // Consent for 0001 and 0004; scripts for everybody, so a script without consent exists too.
  await setScriptConsent(db.prisma, candidatesA);
  await createScripts(db.prisma, centreA, series, candidatesA);
  const scriptsA = await db.prisma.script.findMany({ where: { centreId: centreA.id }, include: { candidate: true } });
  const [late] = await createCandidates(db.prisma, centreA, 1, { startNumber: 7 });
  const [entryWithoutResult] = (
    await createEntriesAndResults(db.prisma, centreA, series, [late], catalogue.specs, {
      entriesPerCandidate: [1, 1],
      withoutResults: true,
    })
  ).entries;

  const candidatesB = await createCandidates(db.prisma, centreB, 2);
  const entriesB = (await createEntriesAndResults(db.prisma, centreB, series, candidatesB, catalogue.specs)).entries;
  await setScriptConsent(db.prisma, candidatesB, 1);
  const scriptsB = await createScripts(db.prisma, centreB, series, candidatesB);

  const make = async (name: string, options: Parameters<typeof createUser>[1]) => {
    users[name] = (await createUser(db.prisma, options)).id;
  };
  await make("eo", { role: "EXAMS_OFFICER", centre: centreA });
  await make("admin", { role: "ADMIN", centre: centreA, grants: ["scripts"] });
  await make("adminBare", { role: "ADMIN", centre: centreA, grants: [] });
  await make("userResults", { role: "USER", centre: centreA, grants: ["results"] });
  await make("userScripts", { role: "USER", centre: centreA, grants: ["scripts"] });
  await make("user", { role: "USER", centre: centreA, grants: [] });
  await make("otherEo", { role: "EXAMS_OFFICER", centre: centreB });

  return {
    db,
    filesDir,
    catalogue,
    series,
    centreA,
    centreB,
    candidatesA,
    entriesA,
    entryWithoutResult,
    entriesB,
    scriptsA,
    scriptsB,
    users,
    async signIn(name, at) {
      await actAs(db.prisma, name ? await sessionOf(name, at) : null, at);
    },
  };
}
