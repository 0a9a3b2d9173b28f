// Examiner mark input (lib/data/marks/emi*.ts): examiners only, each their own allocation (the
// matrix's "appointee" is an examiner, allocated 9521/01 at centre A); centre accounts and board
// staff have no way in. Changing a submitted mark is the board's alone.
import { form, type Row } from "../types";
import { emiFixtures, emiSaveKey, LATIN_ITEMS, newExaminerMark, newLatinEntry } from "../emi-fixtures";

const RULE = "examiners only, and only their own allocation's candidates";
const BOARD = "board staff only: an examiner allocation's marks, and the change of a submitted one";

export const emiRows: Row[] = [
  { endpoint: "page /emi", allow: ["appointee"], rule: RULE },
  {
    endpoint: "page /emi/[allocationId]",
    allow: ["appointee"],
    params: async ({ fx }) => ({ allocationId: (await emiFixtures(fx)).allocationId }),
    rule: RULE,
  },
  {
    endpoint: "page /emi/[allocationId]/submit",
    allow: ["appointee"],
    params: async ({ fx }) => ({ allocationId: (await emiFixtures(fx)).allocationId }),
    rule: RULE,
  },
  {
    endpoint: "route GET /api/files/agendas/[id]",
    allow: ["appointee"],
    params: async ({ fx }) => ({ id: (await emiFixtures(fx)).agendaId }),
    rule: "a conference agenda: the examiners allocated to its component in its series",
  },
  {
    endpoint: "action app/(portal)/emi/[allocationId]/actions.ts#saveEmiMarkAction",
    allow: ["appointee"],
    // The grid's answer carries the refusal's message already translated; the test translator
    // answers with the message's key ("errors.forbidden"), read here as the refusal it names.
    call: async (fn, { fx }) => {
      const { allocationId } = await emiFixtures(fx);
      const entryId = await newLatinEntry(fx);
      const save = fn as unknown as (a: string, e: string, v: unknown) => Promise<Record<string, unknown>>;
      const total = LATIN_ITEMS.reduce((a, b) => a + b, 0);
      const result = await save(allocationId, entryId, {
        key: emiSaveKey(),
        baseVersion: 0,
        value: { code: null, total, items: LATIN_ITEMS },
      });
      return typeof result.message === "string" ? { formError: result.message.replace(/^errors\./, "") } : result;
    },
    rule: RULE,
  },
  {
    endpoint: "action app/(portal)/emi/[allocationId]/actions.ts#submitEmiMarksAction",
    allow: ["appointee"],
    form: async ({ fx }) => {
      const { allocationId, entryId } = await newExaminerMark(fx, false);
      return form({ allocationId, entry: entryId, scope: "selected", confirm: "yes" });
    },
    rule: RULE,
  },
  {
    endpoint: "page /board/appointees/[id]/allocations/[allocationId]",
    allow: ["board"],
    params: async ({ fx }) => ({ id: fx.userIds.appointee!, allocationId: (await emiFixtures(fx)).allocationId }),
    rule: BOARD,
  },
  {
    endpoint:
      "action app/(portal)/board/appointees/[id]/allocations/[allocationId]/actions.ts#changeSubmittedMarkAction",
    allow: ["board"],
    form: async ({ fx }) => {
      const { allocationId, entryId } = await newExaminerMark(fx, true);
      const items = Object.fromEntries(LATIN_ITEMS.map((m, i) => [`q${i + 1}`, String(i === 0 ? m - 1 : m)]));
      return form({
        appointeeId: fx.userIds.appointee!,
        allocationId,
        entryId,
        key: emiSaveKey(),
        baseVersion: "1",
        code: "",
        ...items,
        reason: "Question 1(a) added up wrongly",
      });
    },
    rule: BOARD,
  },
];
