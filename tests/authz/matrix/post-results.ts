// Post-results: reviews of marking / copies of scripts, and View scripts.
// Default clock 2027-09-01T09:00Z (after every release). June 2027: restricted release
// 2027-08-17T23:00Z (EO/Admin), release 2027-08-19T07:00Z (Users).
import { form, type Row } from "../types";

const BEFORE_RESTRICTED = "2027-08-17T22:59:59Z";
/** After restricted release, before 08:00 London on results day. */
const RESTRICTED_DAY = "2027-08-18T12:00:00Z";

export const postResultsRows: Row[] = [
  {
    endpoint: "page /post-results/reviews",
    allow: ["eo", "admin", "adminBare", "user+results", "otherCentre"],
    rule: "the results permission (each centre sees its own requests)",
  },
  {
    endpoint: "page /post-results/reviews",
    allow: ["eo", "admin", "adminBare", "user+results", "otherCentre"],
    at: BEFORE_RESTRICTED,
    rule: "before release the page still opens for them, says when results come, and lists nothing",
  },
  {
    endpoint: "action app/(portal)/post-results/reviews/actions.ts#requestReviewAction",
    allow: ["eo", "admin", "adminBare"],
    rule: "EO/Admins with results request; Users with results only look; another centre's entry is not found",
    // A new entry with a result for each caller: a second request for one entry is a duplicate.
    form: async ({ fx }) =>
      form({ entryId: await fx.newEntryWithResult(), kind: "REVIEW_OF_MARKING", componentId: "", notes: "" }),
  },
  {
    endpoint: "action app/(portal)/post-results/reviews/actions.ts#requestReviewAction",
    allow: [],
    at: BEFORE_RESTRICTED,
    rule: "nobody before restricted release (the results are not visible yet)",
    form: ({ fx }) => form({ entryId: fx.postResults.entryId, kind: "COPY_OF_SCRIPT", componentId: "", notes: "" }),
  },
  {
    endpoint: "page /post-results/scripts",
    allow: ["eo", "admin", "user+scripts", "otherCentre"],
    rule: "the scripts permission (each centre sees its own consenting candidates)",
  },
  {
    endpoint: "page /post-results/scripts",
    allow: ["eo", "admin", "user+scripts", "otherCentre"],
    at: BEFORE_RESTRICTED,
    rule: "before release the page opens, says when scripts come, and lists nothing",
  },
  {
    endpoint: "route GET /api/files/scripts/[id]",
    allow: ["eo", "admin", "user+scripts"],
    rule: "scripts permission, centre A, consent recorded, after release",
    params: ({ fx }) => ({ id: fx.postResults.scriptId }),
  },
  {
    endpoint: "route GET /api/files/scripts/[id]",
    allow: ["eo", "admin"],
    at: RESTRICTED_DAY,
    rule: "on the restricted-release day only EO/Admins with scripts; Users wait for 08:00 on results day",
    params: ({ fx }) => ({ id: fx.postResults.scriptId }),
  },
  {
    endpoint: "route GET /api/files/scripts/[id]",
    allow: [],
    at: BEFORE_RESTRICTED,
    rule: "nobody before restricted release",
    params: ({ fx }) => ({ id: fx.postResults.scriptId }),
  },
  {
    endpoint: "route GET /api/files/scripts/[id]",
    allow: [],
    rule: "nobody when the candidate's consent is not recorded",
    params: ({ fx }) => ({ id: fx.postResults.scriptWithoutConsentId }),
  },
];
