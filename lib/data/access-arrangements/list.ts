import "server-only";
import { inCentre, refuse, type CentreCaller, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { expiringSoonBound } from "@/lib/access-arrangements/expiry";
import {
  ARRANGEMENT_COLUMNS,
  arrangementsFileName,
  LIST_STATES,
  type ArrangementFileRow,
  type ListState,
} from "@/lib/access-arrangements/list";
import { ARRANGEMENT_TYPES, oneOf } from "@/lib/access-arrangements/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessArrangementType } from "@/lib/generated/prisma/enums";
import { codeOrEmpty } from "@/lib/validation/codes";
import {
  auditRead,
  authorizeArrangements,
  candidateSearch,
  cleanQuery,
  ROW_INCLUDE,
  stateOf,
  toRow,
  type ArrangementRow,
  type SeriesName,
} from "./shared";

// The centre's list of access arrangements (docs/access-arrangements.md, "The centre's list"):
// per candidate and per series, filtered by state, arrangement and a candidate search, a page
// at a time, and the same list as a CSV file (docs/decisions/010-csv.md). A series shows its own
// arrangements and the standing ones (which hold for every series). Withdrawn arrangements are
// left out unless asked for. Every view and every export is audited.

export const ARRANGEMENTS_PAGE_SIZE = 50;

export type ArrangementFilters = {
  /** A series code, "standing" (only arrangements for every series), or "" (all). */
  series?: string;
  state?: string;
  type?: string;
  q?: string;
  page?: string | number;
};

type Checked = { series: string; state: ListState | ""; type: AccessArrangementType | ""; q: string; page: number };

/** The filters as given, each reduced to a value it may take ("" when it names none). */
function check(filters: ArrangementFilters | undefined): Checked {
  const f = filters && typeof filters === "object" ? filters : {};
  const series = f.series === "standing" ? "standing" : codeOrEmpty(f.series);
  return {
    series,
    state: oneOf(LIST_STATES, f.state) ?? "",
    type: oneOf(ARRANGEMENT_TYPES, f.type) ?? "",
    q: cleanQuery(f.q),
    page: Math.max(1, Math.min(10_000, Math.floor(Number(f.page) || 1))),
  };
}

/** The where-clause of the filters in the caller's centre; null when the series named does not exist. */
async function whereOf(
  caller: CentreCaller,
  f: Checked,
  at: Date,
): Promise<{ where: Prisma.AccessArrangementWhereInput; series: SeriesName | null } | null> {
  const and: Prisma.AccessArrangementWhereInput[] = [];
  let series: SeriesName | null = null;
  if (f.series === "standing") and.push({ seriesId: null });
  else if (f.series) {
    const found = await getPrisma().series.findUnique({
      where: { code: f.series },
      select: { id: true, code: true, nameEn: true, nameCy: true },
    });
    if (!found) return null;
    series = { code: found.code, nameEn: found.nameEn, nameCy: found.nameCy };
    and.push({ OR: [{ seriesId: found.id }, { seriesId: null }] });
  }
  if (f.type) and.push({ type: f.type });
  const soon = expiringSoonBound(at);
  const byState: Record<ListState, Prisma.AccessArrangementWhereInput> = {
    delegated: { status: "DELEGATED" },
    approved: { status: "APPROVED", expiresAt: { gt: at } },
    expiringSoon: { status: "APPROVED", expiresAt: { gt: at, lte: soon } },
    expired: { status: "APPROVED", expiresAt: { lte: at } },
    referred: { status: "REFERRED" },
    refused: { status: "REFUSED" },
    withdrawn: { status: "WITHDRAWN" },
  };
  and.push(f.state ? byState[f.state] : { status: { not: "WITHDRAWN" } });
  if (f.q) and.push({ candidate: candidateSearch(f.q) });
  return { where: inCentre(caller, { AND: and }), series };
}

const ORDER: Prisma.AccessArrangementOrderByWithRelationInput[] = [
  { candidate: { candidateNumber: "asc" } },
  { createdAt: "asc" },
  { id: "asc" },
];

export type ArrangementsPage = {
  rows: ArrangementRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The series filtered on, when one was. */
  series: SeriesName | null;
  /** Every series, latest results day first (the filter's choices). */
  seriesChoices: SeriesName[];
  /** The filters as understood. */
  filters: { series: string; state: string; type: string; q: string };
  /** How many approvals of the centre are expiring soon and expired (not withdrawn), whatever the filters. */
  counts: { expiringSoon: number; expired: number; referred: number };
};

/** A page of the caller's centre's arrangements. Audited. An unknown series is "not found". */
export async function listArrangements(filters: ArrangementFilters = {}): Promise<Result<ArrangementsPage>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const f = check(filters);
  const scoped = await whereOf(caller, f, at);
  if (!scoped) return refuse("notFound");
  const db = getPrisma();
  const soon = expiringSoonBound(at);
  const [rows, total, seriesChoices, expiringSoon, expired, referred] = await Promise.all([
    db.accessArrangement.findMany({
      where: scoped.where,
      include: ROW_INCLUDE,
      orderBy: ORDER,
      skip: (f.page - 1) * ARRANGEMENTS_PAGE_SIZE,
      take: ARRANGEMENTS_PAGE_SIZE,
    }),
    db.accessArrangement.count({ where: scoped.where }),
    db.series.findMany({ select: { code: true, nameEn: true, nameCy: true }, orderBy: { resultsDay: "desc" } }),
    db.accessArrangement.count({
      where: inCentre(caller, { status: "APPROVED" as const, expiresAt: { gt: at, lte: soon } }),
    }),
    db.accessArrangement.count({ where: inCentre(caller, { status: "APPROVED" as const, expiresAt: { lte: at } }) }),
    db.accessArrangement.count({ where: inCentre(caller, { status: "REFERRED" as const }) }),
  ]);
  const shown = { series: f.series, state: f.state, type: f.type, q: f.q };
  await auditRead(auth, "access_arrangements.listed", { filters: shown, page: f.page, shown: rows.length, total });
  return {
    ok: true,
    rows: rows.map((r) => toRow(r, at)),
    total,
    page: f.page,
    pageSize: ARRANGEMENTS_PAGE_SIZE,
    series: scoped.series,
    seriesChoices,
    filters: shown,
    counts: { expiringSoon, expired, referred },
  };
}

const day = (d: Date | null) => (d ? d.toISOString() : "");

/** The file rows of the filtered list, fetched in batches so a large centre's file streams. */
async function* fileRows(where: Prisma.AccessArrangementWhereInput, at: Date): AsyncGenerator<ArrangementFileRow> {
  const batch = 1000;
  for (let skip = 0; ; skip += batch) {
    const rows = await getPrisma().accessArrangement.findMany({
      where,
      include: {
        series: { select: { code: true } },
        candidate: { select: { candidateNumber: true, uci: true, firstName: true, lastName: true } },
      },
      orderBy: ORDER,
      skip,
      take: batch,
    });
    for (const a of rows) {
      yield {
        candidate_number: a.candidate.candidateNumber,
        uci: a.candidate.uci,
        surname: a.candidate.lastName,
        forenames: a.candidate.firstName,
        series: a.series?.code ?? "all",
        arrangement: a.type,
        extra_time_percent: a.extraTimePercent === null ? "" : String(a.extraTimePercent),
        paper_format: a.paperFormat ?? "",
        status: stateOf(a, at),
        reference: a.reference ?? "",
        decided_at: day(a.decidedAt),
        expires_at: day(a.expiresAt),
        referral_reason: a.referralReason ?? "",
        board_comment: a.decisionComment,
        recorded_at: a.createdAt.toISOString(),
      };
    }
    if (rows.length < batch) return;
  }
}

export type ArrangementsFile = {
  filename: string;
  columns: typeof ARRANGEMENT_COLUMNS;
  rows: AsyncGenerator<ArrangementFileRow>;
};

/** The filtered list (every page) as CSV rows. The export is audited before a row is read. */
export async function exportArrangements(filters: ArrangementFilters = {}): Promise<Result<ArrangementsFile>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const f = check(filters);
  const scoped = await whereOf(auth.caller, f, auth.at);
  if (!scoped) return refuse("notFound");
  const total = await getPrisma().accessArrangement.count({ where: scoped.where });
  await auditRead(auth, "access_arrangements.exported", {
    filters: { series: f.series, state: f.state, type: f.type, q: f.q },
    rows: total,
  });
  return {
    ok: true,
    filename: arrangementsFileName(f.series),
    columns: ARRANGEMENT_COLUMNS,
    rows: fileRows(scoped.where, auth.at),
  };
}
