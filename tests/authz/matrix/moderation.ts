// Moderation (docs/marks.md, "Moderation"): moderator mark input is for moderators only, and
// only for the allocations they hold or lead (the matrix's "moderator" holds one at centre A per
// fixture sheet; its examiner, "appointee", is refused); the board's side is board staff's alone.
// Centre accounts reach none of it.
import { form, type Row } from "../types";
import { moderationFixtures, newModerationSheet, REPORT_FORM } from "../moderation-fixtures";

const RULE = "moderators only, and only an allocation they hold or lead";
const BOARD = "board staff only: moderation's sheets, releasing reports, unlocking a sheet";
const ACTIONS = "action app/(portal)/moderation/actions.ts";
const BOARD_ACTIONS = "action app/(portal)/board/moderation/actions.ts";

export const moderationRows: Row[] = [
  { endpoint: "page /moderation", allow: ["moderator"], rule: RULE },
  {
    endpoint: "page /moderation/[allocationId]",
    allow: ["moderator"],
    params: async ({ fx }) => ({ allocationId: (await moderationFixtures(fx)).allocationId }),
    rule: RULE,
  },
  {
    endpoint: "page /moderation/[allocationId]/[sheetId]",
    allow: ["moderator"],
    params: async ({ fx }) => {
      const { allocationId, sheetId } = await moderationFixtures(fx);
      return { allocationId, sheetId };
    },
    rule: RULE,
  },
  {
    endpoint: "page /moderation/[allocationId]/[sheetId]/report",
    allow: ["moderator"],
    params: async ({ fx }) => {
      const { allocationId, sheetId } = await moderationFixtures(fx);
      return { allocationId, sheetId };
    },
    rule: RULE,
  },
  {
    endpoint: `${ACTIONS}#saveModeratedMarkAction`,
    allow: ["moderator"],
    // The grid's answer carries the refusal's message already translated; the test translator
    // answers with the message's key ("errors.forbidden"), read here as the refusal it names.
    call: async (fn, { fx }) => {
      const { allocationId, sheetId, entryId } = await newModerationSheet(fx);
      const save = fn as unknown as (a: string, s: string, e: string, v: unknown) => Promise<Record<string, unknown>>;
      const result = await save(allocationId, sheetId, entryId, {
        key: `matrix-${sheetId}`.slice(0, 64).padEnd(16, "x"),
        baseVersion: 0,
        value: { code: null, total: 42, items: null },
      });
      return typeof result.message === "string" ? { formError: result.message.replace(/^errors\./, "") } : result;
    },
    rule: `${RULE}; a sampled candidate of a submitted sheet`,
  },
  {
    endpoint: `${ACTIONS}#reportAction`,
    allow: ["moderator"],
    form: async ({ fx }) => {
      const { allocationId, sheetId } = await newModerationSheet(fx);
      return form({ allocationId, sheetId, intent: "draft", ...REPORT_FORM });
    },
    rule: `save a draft: ${RULE}`,
  },
  {
    endpoint: `${ACTIONS}#reportAction`,
    allow: ["moderator"],
    form: async ({ fx }) => {
      const { allocationId, sheetId } = await newModerationSheet(fx, "marked");
      return form({ allocationId, sheetId, intent: "submit", confirm: "yes", expectedAdjustment: "0", ...REPORT_FORM });
    },
    rule: `submit: ${RULE}`,
  },
  { endpoint: "page /board/moderation", allow: ["board"], rule: BOARD },
  {
    endpoint: "page /board/moderation/[sheetId]/unlock",
    allow: ["board"],
    params: async ({ fx }) => ({ sheetId: (await moderationFixtures(fx)).sheetId }),
    rule: BOARD,
  },
  {
    endpoint: `${BOARD_ACTIONS}#releaseReportsAction`,
    allow: ["board"],
    form: async ({ fx }) => {
      const { seriesId, componentId } = await newModerationSheet(fx, "reported");
      return form({ seriesId, componentId });
    },
    rule: BOARD,
  },
  {
    endpoint: `${BOARD_ACTIONS}#unlockSheetAction`,
    allow: ["board"],
    form: async ({ fx }) => form({ sheetId: (await newModerationSheet(fx)).sheetId, reason: "Keyed in error" }),
    rule: BOARD,
  },
];
