// Results under embargo (docs/product-rules.md ("Results embargo")): the results pages and the
// download route handlers, with clock rows before and after each release. Pages show every
// results-permission holder the "not yet released" panel before their release time (served, no
// data); the routes answer 404 until the caller's own release time.
import type { Actor, Row, RowContext } from "../types";

/** Everyone who holds the results permission: EO, Admins (always), Users granted it. */
const RESULTS: Actor[] = ["eo", "admin", "adminBare", "user+results", "otherCentre"];
const RESULTS_CENTRE_A: Actor[] = ["eo", "admin", "adminBare", "user+results"];
const EO_ADMIN: Actor[] = ["eo", "admin", "adminBare", "otherCentre"];

const BEFORE_RESTRICTED = "2027-08-17T22:59:59Z"; // 23:59:59 BST, 17 Aug 2027
const AT_RESTRICTED = "2027-08-17T23:00:00Z"; // 00:00:00 BST, 18 Aug 2027 (restricted release)
const BEFORE_RELEASE = "2027-08-19T06:59:59Z"; // 07:59:59 BST on results day
const AT_RELEASE = "2027-08-19T07:00:00Z"; // 08:00:00 BST on results day

/** Centre A's candidate with a result (from the post-results fixtures). */
async function candidateA({ fx }: RowContext) {
  const entry = await fx.prisma.entry.findUniqueOrThrow({
    where: { id: fx.postResults.entryId },
    select: { candidateId: true },
  });
  return { candidateId: entry.candidateId };
}

/** A component centre A (only) has marks for in the series. */
async function componentA({ fx }: RowContext) {
  const mark = await fx.prisma.componentResult.findFirstOrThrow({
    where: { result: { entryId: fx.postResults.entryId } },
    select: { component: { select: { code: true } } },
  });
  return mark.component.code;
}

const fileRequest = ({ fx }: RowContext) =>
  new Request(`http://localhost/api/results/file?series=${encodeURIComponent(fx.seriesCode)}`);
const itemRequest = async (c: RowContext) =>
  new Request(
    `http://localhost/api/results/item-level-data?series=${encodeURIComponent(c.fx.seriesCode)}&component=${encodeURIComponent(await componentA(c))}`,
  );

const pages = [
  "/results",
  "/results/grade-boundaries",
  "/results/item-level-data",
  "/results/analysis",
  "/results/file",
];

export const resultsRows: Row[] = [
  ...pages.flatMap((path): Row[] => [
    { endpoint: `page ${path}`, allow: RESULTS, rule: "results permission holders, their own centre's results" },
    {
      endpoint: `page ${path}`,
      allow: RESULTS,
      at: BEFORE_RESTRICTED,
      rule: "before release: served, showing only the not-yet-released panel",
    },
    {
      endpoint: `page ${path}`,
      allow: RESULTS,
      at: BEFORE_RELEASE,
      rule: "restricted release: served (EO/Admin see results, Users the panel)",
    },
  ]),
  {
    endpoint: "page /results/statement/[candidateId]",
    allow: RESULTS_CENTRE_A,
    params: candidateA,
    rule: "a centre A candidate: another centre's EO gets not found",
  },
  {
    endpoint: "page /results/statement/[candidateId]",
    allow: RESULTS_CENTRE_A,
    params: candidateA,
    at: BEFORE_RESTRICTED,
    rule: "before release: the panel, never the results",
  },
  {
    endpoint: "page /results/statement/[candidateId]",
    allow: RESULTS_CENTRE_A,
    params: candidateA,
    at: AT_RELEASE,
    rule: "at 08:00 on results day",
  },

  {
    endpoint: "route GET /api/results/file",
    allow: RESULTS,
    request: fileRequest,
    rule: "after release: each caller gets their own centre's file",
  },
  {
    endpoint: "route GET /api/results/file",
    allow: [],
    request: fileRequest,
    at: BEFORE_RESTRICTED,
    rule: "23:59:59 before restricted release: 404 for everyone",
  },
  {
    endpoint: "route GET /api/results/file",
    allow: EO_ADMIN,
    request: fileRequest,
    at: AT_RESTRICTED,
    rule: "00:00:00 restricted release: EO/Admins only",
  },
  {
    endpoint: "route GET /api/results/file",
    allow: EO_ADMIN,
    request: fileRequest,
    at: BEFORE_RELEASE,
    rule: "07:59:59 on results day: still not Users",
  },
  {
    endpoint: "route GET /api/results/file",
    allow: RESULTS,
    request: fileRequest,
    at: AT_RELEASE,
    rule: "08:00:00 on results day: Users with the permission too",
  },

  {
    endpoint: "route GET /api/results/item-level-data",
    allow: RESULTS_CENTRE_A,
    request: itemRequest,
    rule: "after release; another centre has no marks for centre A's component (not found)",
  },
  {
    endpoint: "route GET /api/results/item-level-data",
    allow: [],
    request: itemRequest,
    at: BEFORE_RESTRICTED,
    rule: "before restricted release: 404 for everyone",
  },
  {
    endpoint: "route GET /api/results/item-level-data",
    allow: ["eo", "admin", "adminBare"],
    request: itemRequest,
    at: BEFORE_RELEASE,
    rule: "07:59:59 on results day: EO/Admins only",
  },
  {
    endpoint: "route GET /api/results/item-level-data",
    allow: RESULTS_CENTRE_A,
    request: itemRequest,
    at: AT_RELEASE,
    rule: "08:00:00 on results day: Users with the permission too",
  },
];
