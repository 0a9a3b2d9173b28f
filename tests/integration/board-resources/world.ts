// The world of the board's uploads and post-results tests (tests/integration/board-*.test.ts of
// resources, question papers and post-results): the catalogue and the June 2027 series; centre A
// with a candidate entered for Latin (9521) and Mathematics (9531), with results; centre B with
// Computer Science (9621) only; board staff, an appointee, and centre accounts, each signed in by
// name with `as`. A throwaway file store (FILES_DIR) and outbox (OUTBOX_DIR). Each test file
// builds its own, on its own database, with its vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Candidate, Entry, PrismaClient, Series } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/auth/authorize";
import { createTestDb, type TestDb } from "../../utils/test-db";
import { actAs } from "../../utils/act-as";
import { createCentre } from "../../factories/centres";
import { createUser } from "../../factories/users";
import { createQualificationCatalogue, type Catalogue } from "../../factories/catalogue";
import { createSeries } from "../../factories/series";
import { makePdf } from "../../factories/files";

export type Who = "board" | "eoA" | "adminA" | "userA" | "userAScripts" | "eoB" | "appointee";

export type BoardWorld = {
  db: TestDb;
  prisma: PrismaClient;
  files: string;
  outbox: string;
  catalogue: Catalogue;
  series: Series;
  centres: Record<"A" | "B", { id: string; number: string }>;
  candidateA: Candidate;
  /** Centre A's entries (9521, 9531) and centre B's (9621), each with a result (grade "5") and component results. */
  entries: Record<"latinA" | "mathsA" | "csB", Entry>;
  userIds: Record<Who, string>;
  /** Makes `who` the caller at `at` (the server's clock); null: signed out. */
  as(who: Who | null, at?: string): Promise<void>;
};

/** The value of a data-layer answer that must not be a refusal. */
export function okOf<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error}${result.reason ? ` (${result.reason})` : ""}`);
  return result;
}

/** A one-page PDF as a posted file (the name says nothing: the content is what counts). */
export async function pdfFile(title: string, name = "upload.pdf"): Promise<File> {
  return new File([new Uint8Array(await makePdf(title))], name, { type: "application/pdf" });
}

/** Every file under the store, relative, sorted. */
export function storedFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [path.relative(root, full)];
    });
  return walk(root).sort();
}

export async function buildBoardWorld(): Promise<BoardWorld> {
  const files = mkdtempSync(path.join(tmpdir(), "porth-board-files-"));
  const outbox = path.join(mkdtempSync(path.join(tmpdir(), "porth-board-outbox-")), "outbox");
  process.env.FILES_DIR = files;
  process.env.OUTBOX_DIR = outbox;
  const db = await createTestDb();
  try {
    return await populate(db, files, outbox);
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function populate(db: TestDb, files: string, outbox: string): Promise<BoardWorld> {
  const prisma = db.prisma;
  const catalogue = await createQualificationCatalogue(prisma);
  const series = await createSeries(prisma);
  const a = await createCentre(prisma);
  const b = await createCentre(prisma);
  const users = {
    board: await createUser(prisma, { role: "BOARD_STAFF", centre: null }),
    eoA: await createUser(prisma, { role: "EXAMS_OFFICER", centre: a, email: "eo@a.test", language: "cy" }),
    adminA: await createUser(prisma, { role: "ADMIN", centre: a, grants: [] }),
    userA: await createUser(prisma, { role: "USER", centre: a, grants: ["results", "entries"] }),
    userAScripts: await createUser(prisma, { role: "USER", centre: a, grants: ["scripts"] }),
    eoB: await createUser(prisma, { role: "EXAMS_OFFICER", centre: b, email: "eo@b.test" }),
    appointee: await createUser(prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" }),
  };
  const sids = {} as Record<Who, string>;
  for (const [who, user] of Object.entries(users)) {
    const id = randomBytes(16).toString("hex");
    await prisma.session.create({
      data: { id, sessionToken: id, userId: user.id, expires: new Date(Date.now() + 3600_000), mfaAt: new Date() },
    });
    sids[who as Who] = id;
  }

  const candidate = (centreId: string, n: string) =>
    prisma.candidate.create({
      data: {
        centreId,
        candidateNumber: n,
        uci: `UCI${centreId.slice(-6)}${n}X`,
        firstName: "Alys",
        lastName: `Evans ${n}`,
        dateOfBirth: new Date(Date.UTC(2010, 4, 1)),
      },
    });
  /** An entry with a result of grade 5 and a mark for each component. */
  const entered = async (centreId: string, candidateId: string, code: string) => {
    const spec = catalogue.spec(code);
    const entry = await prisma.entry.create({
      data: { centreId, candidateId, seriesId: series.id, specificationId: spec.id },
    });
    const result = await prisma.result.create({
      data: { entryId: entry.id, centreId, seriesId: series.id, grade: "5" },
    });
    for (const c of spec.components)
      await prisma.componentResult.create({
        data: { resultId: result.id, componentId: c.id, mark: 30, itemMarks: [30] },
      });
    return entry;
  };
  const candidateA = await candidate(a.id, "0001");
  const candidateB = await candidate(b.id, "0001");
  const entries = {
    latinA: await entered(a.id, candidateA.id, "9521"),
    mathsA: await entered(a.id, candidateA.id, "9531"),
    csB: await entered(b.id, candidateB.id, "9621"),
  };

  return {
    db,
    prisma,
    files,
    outbox,
    catalogue,
    series,
    centres: { A: a, B: b },
    candidateA,
    entries,
    userIds: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.id])) as Record<Who, string>,
    async as(who, at = "2027-05-10T10:00:00Z") {
      await actAs(prisma, who ? { id: sids[who] } : null, new Date(at));
    },
  };
}
