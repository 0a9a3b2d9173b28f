// Access arrangements (docs/access-arrangements.md): special-category data. A centre account holding
// `access_arrangements` (the EO always; Admins and Users when granted) sees and changes its own
// centre's; a centre-A id is "not found" to centre B's EO; nobody else reaches them. Board staff
// decide the applications referred to them, and set the modified-paper deadlines.
import { form, type Fixtures, type Row, type RowContext } from "../types";

const HOLDERS = ["eo", "admin", "user+access_arrangements"] as const;
const HOLDERS_ANY_CENTRE = [...HOLDERS, "otherCentre"] as const;

type AaFx = { candidateId: string; arrangementId: string };
const cache = new WeakMap<Fixtures, Promise<AaFx>>();

/** A candidate of centre A with an application referred to the board, made once per fixture world. */
function aaFixtures(fx: Fixtures): Promise<AaFx> {
  let made = cache.get(fx);
  if (!made) {
    made = (async () => {
      const candidate = await fx.newCandidate("A");
      const arrangementId = await referred(fx, candidate.id);
      return { candidateId: candidate.id, arrangementId };
    })();
    cache.set(fx, made);
  }
  return made;
}

/** A new application of centre A referred to the board (a reader); its id. */
async function referred(fx: Fixtures, candidateId?: string): Promise<string> {
  const id = candidateId ?? (await fx.newCandidate("A")).id;
  const row = await fx.prisma.accessArrangement.create({
    data: {
      centreId: fx.centreA.id,
      candidateId: id,
      type: "READER",
      status: "REFERRED",
      referralReason: "readerNeedsBoard",
      normalWayOfWorking: true,
      dataNoticeGiven: true,
      declaredById: fx.userIds.eo,
      declaredByName: "Matrix",
      declaredAt: new Date("2027-08-01T09:00:00Z"),
      createdById: fx.userIds.eo!,
    },
  });
  return row.id;
}

/** A fresh candidate of the caller's own centre (centre B's for its EO), so each caller's form is good. */
const ownCandidate = async ({ fx, actor }: RowContext) =>
  (await fx.newCandidate(actor === "otherCentre" ? "B" : "A")).id;

const application = (candidateId: string) =>
  form({
    candidateId,
    series: "",
    type: "EXTRA_TIME_25",
    details: "",
    supportPlan: "",
    assessorName: "Dr Matrix",
    assessorQualification: "CPT3A",
    assessmentDate: "2026-10-12",
    scoreTest1: "TOWRE-2",
    scoreArea1: "READING_SPEED",
    scoreValue1: "80",
    scoreTest2: "DASH",
    scoreArea2: "WRITING_SPEED",
    scoreValue2: "85",
    normalWayOfWorking: "yes",
    dataNoticeGiven: "yes",
    declaration: "yes",
  });

/** A new candidate of centre A entered for a specification of the series, and its written papers. */
async function paperOrder({ fx }: RowContext): Promise<FormData> {
  const entryId = await fx.newEntry();
  const entry = await fx.prisma.entry.findUniqueOrThrow({ where: { id: entryId } });
  const component = await fx.prisma.component.findFirstOrThrow({
    where: { specificationId: entry.specificationId, internallyAssessed: false },
  });
  return form({
    candidateId: entry.candidateId,
    series: fx.seriesCode,
    format: "ENLARGED_18",
    components: component.id,
  });
}

export const accessArrangementsRows: Row[] = [
  {
    endpoint: "page /access-arrangements",
    allow: HOLDERS_ANY_CENTRE,
    rule: "the access arrangements permission: the caller's own centre's list",
  },
  {
    endpoint: "page /access-arrangements",
    allow: HOLDERS_ANY_CENTRE,
    searchParams: ({ fx }) => ({
      series: fx.seriesCode,
      state: "referred",
      type: "READER",
      q: "Fresh",
      find: "Fresh",
      page: "2",
    }),
    rule: "the filters, the candidate search and a later page: the caller's own centre only",
  },
  {
    endpoint: "page /access-arrangements/candidates/[id]",
    allow: HOLDERS,
    params: async ({ fx }) => ({ id: (await aaFixtures(fx)).candidateId }),
    rule: "a centre-A candidate's arrangements: not found for centre B",
  },
  {
    endpoint: "page /access-arrangements/candidates/[id]/apply",
    allow: HOLDERS,
    params: async ({ fx }) => ({ id: (await aaFixtures(fx)).candidateId }),
    rule: "applying for a centre-A candidate: not found for centre B",
  },
  {
    endpoint: "page /access-arrangements/[id]",
    allow: HOLDERS,
    params: async ({ fx }) => ({ id: (await aaFixtures(fx)).arrangementId }),
    rule: "a centre-A application: not found for centre B",
  },
  {
    endpoint: "page /access-arrangements/modified-papers",
    allow: HOLDERS_ANY_CENTRE,
    searchParams: ({ fx }) => ({ series: fx.seriesCode, find: "Fresh" }),
    rule: "the caller's own centre's modified paper orders",
  },
  {
    endpoint: "page /access-arrangements/modified-papers",
    allow: HOLDERS,
    searchParams: async ({ fx }) => ({ series: fx.seriesCode, candidate: (await aaFixtures(fx)).candidateId }),
    rule: "ordering for a centre-A candidate: not found for centre B",
  },
  {
    endpoint: "route GET /api/access-arrangements/export",
    allow: HOLDERS_ANY_CENTRE,
    request: ({ fx }) => new Request(`http://localhost/api/access-arrangements/export?series=${fx.seriesCode}`),
    rule: "the caller's own centre's list as CSV, audited",
  },
  {
    endpoint: "action app/(portal)/access-arrangements/candidates/[id]/actions.ts#recordDelegatedAction",
    allow: HOLDERS_ANY_CENTRE,
    form: async (c) =>
      form({
        candidateId: await ownCandidate(c),
        series: "",
        type: "WORD_PROCESSOR",
        details: "",
        normalWayOfWorking: "yes",
      }),
    rule: "recording a delegated arrangement for one of the caller's own candidates",
  },
  {
    endpoint: "action app/(portal)/access-arrangements/candidates/[id]/apply/actions.ts#applyAction",
    allow: HOLDERS_ANY_CENTRE,
    form: async (c) => application(await ownCandidate(c)),
    rule: "applying for one of the caller's own candidates",
  },
  {
    endpoint: "action app/(portal)/access-arrangements/candidates/[id]/apply/actions.ts#applyAction",
    allow: HOLDERS,
    form: async ({ fx }) => application((await fx.newCandidate("A")).id),
    rule: "applying for a centre-A candidate: not found for centre B",
  },
  {
    endpoint: "action app/(portal)/access-arrangements/[id]/actions.ts#withdrawAction",
    allow: HOLDERS,
    form: async ({ fx }) => form({ arrangementId: await referred(fx) }),
    rule: "withdrawing a centre-A application: not found for centre B",
  },
  {
    endpoint: "action app/(portal)/access-arrangements/modified-papers/actions.ts#orderPapersAction",
    allow: HOLDERS,
    form: paperOrder,
    rule: "ordering modified papers for a centre-A candidate: not found for centre B",
  },
  { endpoint: "page /board/access-arrangements", allow: ["board"], rule: "board staff only: the referred queue" },
  {
    endpoint: "page /board/access-arrangements",
    allow: ["board"],
    searchParams: ({ fx }) => ({ view: "decided", centre: fx.centreA.number }),
    rule: "board staff only: what the board decided",
  },
  {
    endpoint: "page /board/access-arrangements/[id]",
    allow: ["board"],
    params: async ({ fx }) => ({ id: (await aaFixtures(fx)).arrangementId }),
    rule: "board staff only: a referred application with its evidence",
  },
  {
    endpoint: "page /board/access-arrangements/deadlines",
    allow: ["board"],
    rule: "board staff only: modified paper deadlines",
  },
  {
    endpoint: "action app/(portal)/board/access-arrangements/[id]/actions.ts#decideAction",
    allow: ["board"],
    form: async ({ fx }) => form({ arrangementId: await referred(fx), decision: "approve", comment: "" }),
    rule: "only board staff decide a referred application",
  },
  {
    endpoint: "action app/(portal)/board/access-arrangements/deadlines/actions.ts#setDeadlineAction",
    allow: ["board"],
    form: ({ fx }) => form({ seriesId: fx.seriesId, deadlineDate: "2027-01-31", deadlineTime: "23:59" }),
    rule: "only board staff set a series' modified paper deadline",
  },
];
