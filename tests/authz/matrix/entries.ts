// Entries & Registrations (docs/product-rules.md ("Entries")): candidates and entries. EO/Admins make; Users with the
// entries permission view; a centre-A id is "not found" to centre B's EO.
import { uciCheckLetter } from "@/lib/validation/entries";
import { form, type Fixtures, type Row, type RowContext } from "../types";

const MAKE = ["eo", "admin", "adminBare", "otherCentre"] as const;
const SEE = ["eo", "admin", "adminBare", "user+entries", "otherCentre"] as const;
const MAKE_HERE = ["eo", "admin", "adminBare"] as const;
const SEE_HERE = ["eo", "admin", "adminBare", "user+entries"] as const;

type EntryFx = {
  candidateId: string;
  candidateNumber: string;
  uci: string;
  specId: string;
  specCode: string;
  otherSpecId: string;
  otherSpecCode: string;
  entryId: string;
};
const cache = new WeakMap<Fixtures, Promise<EntryFx>>();

/** A candidate of centre A with one entry, made once per fixture world. */
export function entryFixtures(fx: Fixtures): Promise<EntryFx> {
  let made = cache.get(fx);
  if (!made) {
    made = (async () => {
      const specs = await fx.prisma.specification.findMany({ orderBy: { code: "asc" }, take: 2 });
      const first12 = `${fx.centreA.number}2409901`;
      const candidate = await fx.prisma.candidate.create({
        data: {
          centreId: fx.centreA.id,
          candidateNumber: "9901",
          uci: first12 + uciCheckLetter(first12),
          firstName: "Matrix",
          lastName: "Candidate",
          dateOfBirth: new Date(Date.UTC(2010, 9, 1)),
        },
      });
      const entry = await fx.prisma.entry.create({
        data: {
          centreId: fx.centreA.id,
          candidateId: candidate.id,
          seriesId: fx.seriesId,
          specificationId: specs[0].id,
        },
      });
      return {
        candidateId: candidate.id,
        candidateNumber: candidate.candidateNumber,
        uci: candidate.uci,
        specId: specs[0].id,
        specCode: specs[0].code,
        otherSpecId: specs[1].id,
        otherSpecCode: specs[1].code,
        entryId: entry.id,
      };
    })();
    cache.set(fx, made);
  }
  return made;
}

/**
 * A one-row import of a new candidate of the caller's own centre (centre B's for its EO), so
 * every caller's file is good and no two callers enter the same candidate. Not for Latin: centre
 * B must stay without Latin entries (the resources rows refuse it Latin's secure files).
 */
async function importForm({ fx, actor }: RowContext, intent: "preview" | "confirm"): Promise<FormData> {
  const candidate = await fx.newCandidate(actor === "otherCentre" ? "B" : "A");
  const { otherSpecCode } = await entryFixtures(fx);
  return form({
    intent,
    series: fx.seriesCode,
    csv: `candidate_number,specification_code\n${candidate.candidateNumber},${otherSpecCode}\n`,
  });
}

export const entriesRows: Row[] = [
  {
    endpoint: "page /entries/candidates",
    allow: SEE,
    rule: "the entries permission: EO/Admins make, Users with it view",
  },
  {
    endpoint: "page /entries/candidates/new",
    allow: MAKE,
    rule: "adding a candidate is a change: not for view-only Users",
  },
  {
    endpoint: "page /entries/candidates/[id]",
    allow: SEE_HERE,
    params: async ({ fx }) => ({ id: (await entryFixtures(fx)).candidateId }),
    rule: "a centre-A candidate: not found for centre B",
  },
  {
    endpoint: "page /entries",
    allow: SEE,
    searchParams: ({ fx }) => ({ series: fx.seriesCode }),
    rule: "entries of the caller's centre",
  },
  {
    endpoint: "page /entries",
    allow: SEE,
    searchParams: ({ fx }) => ({ series: fx.seriesCode, find: "Matrix", q: "Candidate", status: "ENTERED", page: "2" }),
    rule: "the candidate picker's search and the list's search and pages: the caller's centre only",
  },
  {
    endpoint: "page /entries/candidates",
    allow: SEE,
    searchParams: () => ({ q: "Matrix", page: "2" }),
    rule: "a search and a later page of the caller's centre's candidates",
  },
  {
    endpoint: "page /entries/import",
    allow: MAKE,
    searchParams: ({ fx }) => ({ series: fx.seriesCode }),
    rule: "importing is a change: not for view-only Users",
  },
  {
    endpoint: "action app/(portal)/entries/candidates/actions.ts#createCandidateAction",
    allow: MAKE,
    // A new candidate number and UCI for each caller (each makes the candidate in their own centre).
    form: ({ fx }) =>
      form({ ...fx.candidateValues(), firstName: "Matrix", lastName: "Newcomer", dateOfBirth: "2010-10-01" }),
    rule: "EO and Admins of any centre, in their own centre; view-only Users are refused",
  },
  {
    endpoint: "action app/(portal)/entries/candidates/actions.ts#updateCandidateAction",
    allow: MAKE_HERE,
    form: async ({ fx }) => {
      const c = await fx.newCandidate();
      return form({
        id: c.id,
        candidateNumber: c.candidateNumber,
        uci: c.uci,
        firstName: "Matrix",
        lastName: "Renamed",
        dateOfBirth: "2010-10-01",
      });
    },
    rule: "a centre-A candidate: not found for centre B",
  },
  {
    endpoint: "action app/(portal)/entries/actions.ts#enterCandidateAction",
    allow: MAKE_HERE,
    // A new candidate for each caller, so no caller finds the candidate already entered.
    form: async ({ fx }) =>
      form({
        seriesId: fx.seriesId,
        candidateId: (await fx.newCandidate()).id,
        specificationId: (await entryFixtures(fx)).specId,
      }),
    rule: "a centre-A candidate: not found for centre B; Users view only",
  },
  {
    endpoint: "action app/(portal)/entries/actions.ts#withdrawEntryAction",
    allow: MAKE_HERE,
    form: async ({ fx }) => form({ entryId: await fx.newEntry() }),
    rule: "a centre-A entry: not found for centre B; Users view only",
  },
  {
    endpoint: "action app/(portal)/entries/actions.ts#importEntriesAction",
    allow: MAKE,
    form: (c) => importForm(c, "preview"),
    success: {
      because: "the preview step saves nothing: success is every row of the file found good",
      test: (value) => {
        const v = value as { stage?: string; preview?: { valid: number; invalid: number } } | undefined;
        return v?.stage === "preview" && v.preview?.invalid === 0 && v.preview.valid === 1;
      },
    },
    rule: "preview: EO/Admins of any centre (rows are checked against the caller's own centre)",
  },
  {
    endpoint: "action app/(portal)/entries/actions.ts#importEntriesAction",
    allow: MAKE,
    form: (c) => importForm(c, "confirm"),
    rule: "confirm: EO/Admins of any centre, into their own centre; refused to view-only Users",
  },
  {
    endpoint: "route GET /api/entries/export",
    allow: SEE,
    request: ({ fx }) => new Request(`http://localhost/api/entries/export?series=${fx.seriesCode}`),
    rule: "the caller's own centre's entries; Users with the permission may download",
  },
];
