// The world of the resources tests (tests/integration/resources-*.test.ts): the qualification
// catalogue and the June 2027 series; centre A with entries for Latin (9521) and Mathematics
// (9531) and a withdrawn History (9611) entry, centre B with Computer Science (9621) only; their
// resources (2025 and 2026) and question papers; and signed-in accounts. Each test file builds its
// own, on its own database and file store, with its vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient, QuestionPaper, Resource, Series } from "@/lib/generated/prisma/client";
import { createTestDb, type TestDb } from "../../utils/test-db";
import { createCentre } from "../../factories/centres";
import { createUser } from "../../factories/users";
import { createQualificationCatalogue, type Catalogue } from "../../factories/catalogue";
import { createSeries } from "../../factories/series";
import { createQuestionPapers, createResources } from "../../factories/resources";
import { actAs } from "../../utils/act-as";

export type Who = "eoA" | "adminA" | "userA" | "eoB" | "board" | "appointee";

export type ResourcesWorld = {
  db: TestDb;
  prisma: PrismaClient;
  catalogue: Catalogue;
  series: Series;
  resources: Resource[];
  papers: QuestionPaper[];
  centres: Record<"A" | "B", { id: string; number: string }>;
  /** Makes `who` the caller at `at` (the server's clock). */
  as(who: Who | null, at?: string): Promise<void>;
};

/** A throwaway file store, made the app's (FILES_DIR) from now on. Call before buildResourcesWorld. */
export function throwawayFileStore(): string {
  const files = mkdtempSync(path.join(tmpdir(), "porth-resources-files-"));
  process.env.FILES_DIR = files;
  return files;
}

/** A new test database holding the world (call in beforeAll; close `db` in afterAll). */
export async function buildResourcesWorld(): Promise<ResourcesWorld> {
  const db = await createTestDb();
  try {
    return await populate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function populate(db: TestDb): Promise<ResourcesWorld> {
  const prisma = db.prisma;
  const sids = {} as Record<Who, string>;
  const centres = {} as ResourcesWorld["centres"];

  async function openSession(userId: string): Promise<string> {
    const id = randomBytes(16).toString("hex");
    await prisma.session.create({
      data: { id, sessionToken: id, userId, expires: new Date(Date.now() + 3600_000), mfaAt: new Date() },
    });
    return id;
  }

  const catalogue = await createQualificationCatalogue(prisma);
  const series = await createSeries(prisma);
  const spec = (code: string) => catalogue.spec(code);
  const a = await createCentre(prisma);
  const b = await createCentre(prisma);
  centres.A = a;
  centres.B = b;
  const eoA = await createUser(prisma, { role: "EXAMS_OFFICER", centre: a, name: "Siân Exams", email: "eo@a.test" });
  const users = {
    eoA,
    adminA: await createUser(prisma, { role: "ADMIN", centre: a, grants: [] }),
    userA: await createUser(prisma, { role: "USER", centre: a, grants: ["results", "entries"] }),
    eoB: await createUser(prisma, { role: "EXAMS_OFFICER", centre: b }),
    board: await createUser(prisma, { role: "BOARD_STAFF", centre: null }),
    appointee: await createUser(prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" }),
  };
  for (const [who, user] of Object.entries(users)) sids[who as Who] = await openSession(user.id);

  // Centre A: entries for Latin (9521) and Mathematics (9531), one withdrawn History (9611).
  // Centre B: Computer Science (9621) only.
  const enter = async (
    centre: { id: string },
    n: string,
    codes: string[],
    status: "ENTERED" | "WITHDRAWN" = "ENTERED",
  ) => {
    const candidate = await prisma.candidate.create({
      data: {
        centreId: centre.id,
        candidateNumber: n,
        uci: `UCI${centre.id.slice(-6)}${n}`,
        firstName: "Test",
        lastName: `Candidate ${n}`,
        dateOfBirth: new Date(Date.UTC(2010, 4, 1)),
      },
    });
    for (const code of codes)
      await prisma.entry.create({
        data: {
          centreId: centre.id,
          candidateId: candidate.id,
          seriesId: series.id,
          specificationId: spec(code).id,
          status,
        },
      });
  };
  await enter(a, "0001", ["9521", "9531"]);
  await enter(a, "0002", ["9611"], "WITHDRAWN");
  await enter(b, "0001", ["9621"]);

  const used = ["9521", "9531", "9611", "9621"].map(spec);
  const resources = await createResources(prisma, used, { years: [2025, 2026] });
  const papers = await createQuestionPapers(
    prisma,
    series,
    used.flatMap((s) => s.components),
  );

  return {
    db,
    prisma,
    catalogue,
    series,
    resources,
    papers,
    centres,
    async as(who, at = "2026-11-22T10:00:00Z") {
      await actAs(prisma, who ? { id: sids[who] } : null, new Date(at));
    },
  };
}
