// Resources, Key Information and Centre details (docs/product-rules.md ("Resources and question
// papers")).
import type { Actor, Row } from "../types";

/** Every fully signed-in account of centre A (all hold "resources": docs/product-rules.md ("Permissions")). */
const CENTRE_A: Actor[] = [
  "eo",
  "admin",
  "adminBare",
  "user",
  "user+iamis",
  "user+access_arrangements",
  "user+entries",
  "user+results",
  "user+scripts",
];
/** Pages about the caller's own centre: centre B's exams officer sees their own centre's. */
const ANY_CENTRE: Actor[] = [...CENTRE_A, "otherCentre"];

export const resourcesRows: Row[] = [
  {
    endpoint: "page /resources/past-papers",
    allow: ANY_CENTRE,
    rule: "every centre account (resources: always); board staff and appointees have no tile",
  },
  { endpoint: "page /resources/support-material", allow: ANY_CENTRE, rule: "every centre account (resources: always)" },
  {
    endpoint: "route GET /api/files/resources/[id]",
    allow: [...CENTRE_A, "board"],
    params: ({ fx }) => ({ id: fx.resources.secureResourceId }),
    rule: "a secure item: centres with entries for its specification, and board staff; centre B (no entries) gets 404",
  },
  {
    endpoint: "page /key-information/question-papers",
    allow: ["eo", "admin", "adminBare", "otherCentre"],
    at: "2027-06-07T08:00:00.000Z",
    rule: "EO/Admins only (question_papers); Users never",
  },
  {
    endpoint: "route GET /api/files/question-papers/[id]",
    allow: ["eo", "admin", "adminBare"],
    at: "2027-06-07T08:00:00.000Z",
    params: ({ fx }) => ({ id: fx.resources.questionPaperId }),
    rule: "on the exam day after release: EO/Admins of a centre with entries; Users, board, centre B refused",
  },
  {
    endpoint: "route GET /api/files/question-papers/[id]",
    allow: [],
    at: "2027-06-07T07:29:59.000Z",
    params: ({ fx }) => ({ id: fx.resources.questionPaperId }),
    rule: "one second before the release time: nobody",
  },
  { endpoint: "page /key-information/timetable", allow: ANY_CENTRE, rule: "every centre account" },
  { endpoint: "page /key-information/circulars", allow: ANY_CENTRE, rule: "every centre account" },
  { endpoint: "page /centre/details", allow: ANY_CENTRE, rule: "every centre account, read-only, its own centre" },
];
