// IAMIS mark input and moderator reports (docs/marks.md): centre accounts holding the iamis
// permission — EO always, Admins and Users when granted. Another centre's sheet or report is
// "not found"; its own list is its own.
import { form, type Row, type RowContext } from "../types";
import { iamisFixtures, newOracyEntry, newSheet, releasedReport, saveKey } from "../iamis-fixtures";

const HERE = ["eo", "admin", "user+iamis"] as const;
const ANY_CENTRE = ["eo", "admin", "user+iamis", "otherCentre"] as const;
const RULE = "iamis permission (EO always; Admins and Users when granted); another centre's sheet is not found";

/** A one-line marks file for a new candidate of the open sheet. */
async function marksFile(c: RowContext, intent: "preview" | "confirm") {
  const { openSheetId } = await iamisFixtures(c.fx);
  const { candidateNumber } = await newOracyEntry(c.fx);
  return form({ intent, sheetId: openSheetId, csv: `candidate_number,mark\n${candidateNumber},7\n` });
}

export const iamisRows: Row[] = [
  { endpoint: "page /iamis", allow: ANY_CENTRE, rule: "the caller's own centre's sheets" },
  {
    endpoint: "page /iamis/[sheetId]",
    allow: HERE,
    params: async ({ fx }) => ({ sheetId: (await iamisFixtures(fx)).openSheetId }),
    rule: RULE,
  },
  {
    endpoint: "page /iamis/[sheetId]/import",
    allow: HERE,
    params: async ({ fx }) => ({ sheetId: (await iamisFixtures(fx)).openSheetId }),
    rule: RULE,
  },
  {
    endpoint: "page /iamis/[sheetId]/sample",
    allow: HERE,
    params: async ({ fx }) => ({ sheetId: (await newSheet(fx, "SUBMITTED")).sheetId }),
    rule: RULE,
  },
  {
    endpoint: "action app/(portal)/iamis/[sheetId]/actions.ts#saveSheetMarkAction",
    allow: HERE,
    // The grid's answer carries the refusal's message already translated; the test translator
    // answers with the message's key ("errors.notFound"), read here as the refusal it names.
    call: async (fn, { fx }) => {
      const { openSheetId } = await iamisFixtures(fx);
      const { entryId } = await newOracyEntry(fx);
      const save = fn as unknown as (s: string, e: string, v: unknown) => Promise<Record<string, unknown>>;
      const result = await save(openSheetId, entryId, {
        key: saveKey(),
        baseVersion: 0,
        value: { code: null, total: 12, items: null },
      });
      return typeof result.message === "string" ? { formError: result.message.replace(/^errors\./, "") } : result;
    },
    rule: RULE,
  },
  {
    endpoint: "action app/(portal)/iamis/[sheetId]/actions.ts#submitSheetAction",
    allow: HERE,
    form: async ({ fx }) => form({ sheetId: (await newSheet(fx)).sheetId, told: "yes" }),
    rule: `${RULE}; submitting locks the sheet and draws the sample`,
  },
  {
    endpoint: "action app/(portal)/iamis/[sheetId]/import/actions.ts#importMarksAction",
    allow: HERE,
    form: (c) => marksFile(c, "preview"),
    success: {
      because: "the preview step saves nothing: success is every line of the file found good",
      test: (value) => {
        const v = value as { stage?: string; preview?: { valid: number; invalid: number } } | undefined;
        return v?.stage === "preview" && v.preview?.invalid === 0 && v.preview.valid === 1;
      },
    },
    rule: `preview: ${RULE}`,
  },
  {
    endpoint: "action app/(portal)/iamis/[sheetId]/import/actions.ts#importMarksAction",
    allow: HERE,
    form: (c) => marksFile(c, "confirm"),
    rule: `confirm: ${RULE}`,
  },
  { endpoint: "page /moderator-reports", allow: ANY_CENTRE, rule: "the caller's own centre's released reports" },
  {
    endpoint: "page /moderator-reports/[reportId]",
    allow: HERE,
    params: async ({ fx }) => ({ reportId: await releasedReport(fx) }),
    rule: "a released report on a sheet of the caller's centre, to holders of iamis",
  },
];
