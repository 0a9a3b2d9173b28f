// The world of the examiner mark input tests (tests/integration/emi*.test.ts): June 2027, two
// centres, examiners with allocations of GCSE Latin's first paper (9521/01, marked per
// question) and of English Literature's first paper (9561/01, marked as a total), a moderator,
// an exams officer and board staff.
import type { Centre, PrismaClient, Series } from "@/lib/generated/prisma/client";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { makeUci } from "../factories/candidates";
import { createCentre } from "../factories/centres";
import { createQualificationCatalogue, type Catalogue } from "../factories/catalogue";
import { createSeries } from "../factories/series";
import { signedInActor } from "../utils/sessions";

export const T0 = new Date("2027-06-20T09:00:00Z");

export type EmiWorld = {
  catalogue: Catalogue;
  series: Series;
  /** Allocated to examiner X as a whole centre. */
  centreA: Centre;
  /** Examiner Y's centre; one of its candidates is allocated to X on its own. */
  centreB: Centre;
  component: { latin: string; literature: string; oracy: string };
  /** Entry ids: Latin at A (a1–a3, aWithdrawn), Latin at B (b1 allocated to X alone, b2 not), Literature at A (lit1, lit2). */
  entries: Record<"a1" | "a2" | "a3" | "aWithdrawn" | "b1" | "b2" | "lit1" | "lit2" | "welsh1" | "welsh2", string>;
  examinerX: LiveSession;
  examinerY: LiveSession;
  moderator: LiveSession;
  eo: LiveSession;
  board: LiveSession;
  /** X's Latin allocation (centre A + b1), X's Literature allocation (centre A), Y's Latin allocation (centre B). */
  allocation: { latin: string; literature: string; otherLatin: string; moderation: string };
};

export async function createEmiWorld(prisma: PrismaClient): Promise<EmiWorld> {
  const catalogue = await createQualificationCatalogue(prisma, { only: ["9521", "9541", "9561"] });
  const series = await createSeries(prisma);
  const centreA = await createCentre(prisma);
  const centreB = await createCentre(prisma);
  const spec = (code: string) => catalogue.spec(code).id;
  const componentId = (code: string) => catalogue.components.find((c) => c.code === code)!.id;
  let serial = 0;
  const enter = async (centre: Centre, specCode: string, lastName: string, withdrawn = false) => {
    serial += 1;
    const candidate = await prisma.candidate.create({
      data: {
        centreId: centre.id,
        candidateNumber: String(serial).padStart(4, "0"),
        uci: makeUci(centre.number, "27", serial),
        firstName: "Test",
        lastName,
        dateOfBirth: new Date(Date.UTC(2011, 0, 1)),
      },
    });
    const entry = await prisma.entry.create({
      data: {
        centreId: centre.id,
        candidateId: candidate.id,
        seriesId: series.id,
        specificationId: spec(specCode),
        status: withdrawn ? "WITHDRAWN" : "ENTERED",
      },
    });
    return entry.id;
  };
  const entries = {
    a1: await enter(centreA, "9521", "Ambrose"),
    a2: await enter(centreA, "9521", "Bevan"),
    a3: await enter(centreA, "9521", "Cadwaladr"),
    aWithdrawn: await enter(centreA, "9521", "Dafis", true),
    b1: await enter(centreB, "9521", "Evans"),
    b2: await enter(centreB, "9521", "Ffowc"),
    lit1: await enter(centreA, "9561", "Gruffudd"),
    lit2: await enter(centreA, "9561", "Hopcyn"),
    welsh1: await enter(centreA, "9541", "Iorwerth"),
    welsh2: await enter(centreA, "9541", "Jenkins"),
  };
  const examinerX = await signedInActor(
    prisma,
    { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER", name: "Examiner X" },
    T0,
  );
  const examinerY = await signedInActor(
    prisma,
    { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER", name: "Examiner Y" },
    T0,
  );
  const moderator = await signedInActor(
    prisma,
    { role: "APPOINTEE", centre: null, appointeeType: "MODERATOR", name: "Moderator" },
    T0,
  );
  const eo = await signedInActor(prisma, { role: "EXAMS_OFFICER", centre: centreA }, T0);
  const board = await signedInActor(prisma, { role: "BOARD_STAFF" }, T0);
  const component = {
    latin: componentId("9521/01"),
    literature: componentId("9561/01"),
    oracy: componentId("9541/01"),
  };
  const allocate = (
    appointeeId: string,
    componentId: string,
    centres: Centre[],
    single: string[] = [],
    kind: "EXAMINER" | "MODERATOR" = "EXAMINER",
  ) =>
    prisma.allocation.create({
      data: {
        kind,
        appointeeId,
        seriesId: series.id,
        componentId,
        centres: { create: centres.map((c) => ({ centreId: c.id })) },
        candidates: { create: single.map((entryId) => ({ entryId })) },
      },
    });
  const allocation = {
    latin: (await allocate(examinerX.user.id, component.latin, [centreA], [entries.b1])).id,
    literature: (await allocate(examinerX.user.id, component.literature, [centreA])).id,
    otherLatin: (await allocate(examinerY.user.id, component.latin, [centreB])).id,
    moderation: (await allocate(moderator.user.id, component.oracy, [centreA], [], "MODERATOR")).id,
  };
  return {
    catalogue,
    series,
    centreA,
    centreB,
    component,
    entries,
    examinerX,
    examinerY,
    moderator,
    eo,
    board,
    allocation,
  };
}

let keys = 0;
/** A fresh idempotency key, as the browser makes one per save. */
export function saveKey(): string {
  keys += 1;
  return `emi-test-key-${String(keys).padStart(6, "0")}`;
}
