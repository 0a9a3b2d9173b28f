// The world of the access arrangements tests (tests/integration/access-arrangements*.test.ts): the
// catalogue and the June 2027 series; centre A with candidates (one entered for Latin, 9521, whose
// two written papers can be ordered as modified papers) and centre B with one; an account of every
// kind, each signed in by name with `as`; a throwaway outbox (OUTBOX_DIR). Each test file builds
// its own, on its own database, with its vi.mock lines in the file.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Candidate, PrismaClient, Series } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/auth/authorize";
import { uciCheckLetter } from "@/lib/validation/entries";
import { createTestDb, type TestDb } from "../../utils/test-db";
import { actAs } from "../../utils/act-as";
import { redirectTarget } from "../../utils/next-mocks";
import { signedInActor } from "../../utils/sessions";
import { createCentre } from "../../factories/centres";
import { createQualificationCatalogue, type Catalogue } from "../../factories/catalogue";
import { createSeries } from "../../factories/series";
import type { LiveSession } from "@/lib/data/identity/sessions";
import type { ActionState } from "@/lib/validation/action-state";

export type Who = "eo" | "admin" | "adminBare" | "user" | "userAa" | "eoB" | "appointee" | "board";

export type AaWorld = {
  db: TestDb;
  prisma: PrismaClient;
  outbox: string;
  catalogue: Catalogue;
  series: Series;
  centres: Record<"A" | "B", { id: string; number: string }>;
  /** Centre A: Alys (born 1 October 2010, Year 9 from 1 September 2024), entered for Latin in June 2027. */
  alys: Candidate;
  /** Centre B's candidate. */
  bryn: Candidate;
  sessions: Record<Who, LiveSession>;
  emails: Record<Who, string>;
  /** Makes `who` the caller at `at` (the server's clock); null: signed out. */
  as(who: Who | null, at?: string | Date): Promise<void>;
  /** A new candidate of centre A (born 1 October 2010). */
  newCandidate(name?: string): Promise<Candidate>;
};

/** The value of a data-layer answer that must not be a refusal. */
export function okOf<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error}${result.reason ? ` (${result.reason})` : ""}`);
  return result;
}

export function formOf(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

/** Posts an action: its redirect target when it redirected, else its state. */
export async function post<S extends ActionState>(
  action: (prev: S, data: FormData) => Promise<S>,
  values: Record<string, string | string[]>,
): Promise<{ redirect: string } | { state: S }> {
  try {
    return { state: await action({} as S, formOf(values)) };
  } catch (error) {
    const to = redirectTarget(error);
    if (to === null) throw error;
    return { redirect: to };
  }
}

/** The arrangement id of an application's redirect to its page. */
export function arrangementIdOf(outcome: { redirect: string } | { state: ActionState }): string {
  if (!("redirect" in outcome)) throw new Error(`not applied: ${JSON.stringify(outcome.state)}`);
  const m = outcome.redirect.match(/^\/access-arrangements\/([^/?#]+)\?done=applied$/);
  if (!m) throw new Error(`unexpected redirect ${outcome.redirect}`);
  return m[1];
}

/** An application form for 25% extra time with two qualifying scores (84 and 89, different areas). */
export function qualifyingForm(candidateId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    candidateId,
    series: "",
    type: "EXTRA_TIME_25",
    details: "Slow processing affects every timed task.",
    supportPlan: "",
    assessorName: "Dr Eira Hughes",
    assessorQualification: "PG Cert in specialist assessment (CPT3A)",
    assessmentDate: "2026-10-12",
    scoreTest1: "TOWRE-2",
    scoreArea1: "READING_SPEED",
    scoreValue1: "84",
    scoreTest2: "DASH",
    scoreArea2: "WRITING_SPEED",
    scoreValue2: "89",
    normalWayOfWorking: "yes",
    dataNoticeGiven: "yes",
    declaration: "yes",
    ...overrides,
  };
}

export async function buildAaWorld(): Promise<AaWorld> {
  const outbox = path.join(mkdtempSync(path.join(tmpdir(), "porth-aa-outbox-")), "outbox");
  process.env.OUTBOX_DIR = outbox;
  const db = await createTestDb();
  try {
    return await populate(db, outbox);
  } catch (e) {
    await db.close();
    throw e;
  }
}

const T0 = new Date("2027-01-15T10:00:00Z");

async function populate(db: TestDb, outbox: string): Promise<AaWorld> {
  const prisma = db.prisma;
  const catalogue = await createQualificationCatalogue(prisma);
  const series = await createSeries(prisma);
  const a = await createCentre(prisma);
  const b = await createCentre(prisma);
  const actor = (options: Parameters<typeof signedInActor>[1]) => signedInActor(prisma, options, T0);
  const sessions: Record<Who, LiveSession> = {
    eo: await actor({ role: "EXAMS_OFFICER", centre: a, name: "Siân Prys" }),
    admin: await actor({ role: "ADMIN", centre: a, grants: ["access_arrangements"] }),
    adminBare: await actor({ role: "ADMIN", centre: a, grants: [] }),
    user: await actor({ role: "USER", centre: a, grants: ["entries", "results"] }),
    userAa: await actor({ role: "USER", centre: a, grants: ["access_arrangements"], name: "Tomos Ellis" }),
    eoB: await actor({ role: "EXAMS_OFFICER", centre: b }),
    appointee: await actor({ role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" }),
    board: await actor({ role: "BOARD_STAFF", centre: null }),
  };
  const emails = Object.fromEntries(Object.entries(sessions).map(([k, s]) => [k, s.user.email])) as Record<Who, string>;
  let serial = 100;
  const candidateOf = async (centre: { id: string; number: string }, firstName: string, lastName: string) => {
    const n = serial++;
    const first12 = `${centre.number}2400${String(n).padStart(3, "0")}`;
    return prisma.candidate.create({
      data: {
        centreId: centre.id,
        candidateNumber: String(n).padStart(4, "0"),
        uci: first12 + uciCheckLetter(first12),
        firstName,
        lastName,
        dateOfBirth: new Date(Date.UTC(2010, 9, 1)),
      },
    });
  };
  const alys = await candidateOf(a, "Alys", "Evans");
  const bryn = await candidateOf(b, "Bryn", "Jones");
  await prisma.entry.create({
    data: { centreId: a.id, candidateId: alys.id, seriesId: series.id, specificationId: catalogue.spec("9521").id },
  });
  return {
    db,
    prisma,
    outbox,
    catalogue,
    series,
    centres: { A: { id: a.id, number: a.number }, B: { id: b.id, number: b.number } },
    alys,
    bryn,
    sessions,
    emails,
    async as(who, at = T0) {
      await actAs(prisma, who ? sessions[who] : null, typeof at === "string" ? new Date(at) : at);
    },
    newCandidate: (name = "Fresh") => candidateOf(a, name, "Candidate"),
  };
}
