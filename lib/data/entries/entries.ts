import "server-only";
import { inCentre, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntryStatus } from "@/lib/generated/prisma/enums";
import { candidateWordsSql, searchWords } from "@/lib/db/search";
import { ENTRIES_PAGE_SIZE, isLate, pageNumber } from "@/lib/entries/rules";
import type { FieldErrors } from "@/lib/validation/action-state";
import { authorizeEntries } from "./caller";
import type { FieldRefusal } from "./candidates";

// Entries per series (docs/product-rules.md ("Entries")). Exams officers and Admins make and
// withdraw entries; Users with the entries permission only read them. An entry made after the
// series' entry deadline is late (the instant itself is not).

export type SeriesDto = { id: string; code: string; nameEn: string; nameCy: string; entryDeadline: Date };
export type SpecDto = { id: string; code: string; titleEn: string; titleCy: string; qualification: string };
export type EntryDto = {
  id: string;
  candidate: { id: string; candidateNumber: string; uci: string; firstName: string; lastName: string };
  spec: { id: string; code: string; titleEn: string; titleCy: string };
  status: EntryStatus;
  late: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type EntryFilters = { spec?: string; status?: string; q?: string; page?: number | string };

const SERIES_SELECT = { id: true, code: true, nameEn: true, nameCy: true, entryDeadline: true } as const;

export type EntriesPage = {
  canMake: boolean;
  /** Every series, latest results day first (the series picker). */
  seriesChoices: SeriesDto[];
  /** The series shown: the one asked for, else the latest; null when there are no series yet. */
  series: SeriesDto | null;
  /** Whether the series' entry deadline has passed (new entries are late). */
  deadlinePassed: boolean;
  specifications: SpecDto[];
  /** One page of the entries that match the filters, in candidate-number then specification order. */
  entries: EntryDto[];
  /** How many entries match the filters, on every page. */
  total: number;
  page: number;
  pageSize: number;
};

type EntryRow = {
  id: string;
  status: EntryStatus;
  late: boolean;
  createdAt: Date;
  updatedAt: Date;
  candidateId: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  specId: string;
  specCode: string;
  specTitleEn: string;
  specTitleCy: string;
};

// internal: builds SQL only; listEntries runs it after authorizeEntries has authorized the caller
/**
 * One page of a centre's entries in a series, and the count of all that match, one statement
 * each. As for the results page (lib/data/results/list.ts), the entries are reached from the
 * centre's candidates in number order, so the plan stops after the page; the count without a
 * specification or a search reads Entry's (centreId, seriesId, specificationId) index.
 * tests/integration/query-plans.test.ts reads their plans.
 */
export function entriesPageSql(
  centreId: string,
  seriesId: string,
  filters: { spec?: string; status?: EntryStatus; q?: string },
  page: number,
): { count: Prisma.Sql; rows: Prisma.Sql } {
  const words = searchWords(filters.q);
  const byStatus = filters.status ? Prisma.sql`AND e.status = CAST(${filters.status} AS "EntryStatus")` : Prisma.empty;
  const bySpec = filters.spec ? Prisma.sql`AND s.code = ${filters.spec}` : Prisma.empty;
  const entry = Prisma.sql`e."centreId" = ${centreId} AND e."seriesId" = ${seriesId} ${byStatus}`;
  const rows = Prisma.sql`
    SELECT e.id, e.status, e.late, e."createdAt", e."updatedAt",
      c.id AS "candidateId", c."candidateNumber", c.uci, c."firstName", c."lastName",
      s.id AS "specId", s.code AS "specCode", s."titleEn" AS "specTitleEn", s."titleCy" AS "specTitleCy"
    FROM "Candidate" c
    CROSS JOIN LATERAL (
      SELECT e.id, e.status, e.late, e."createdAt", e."updatedAt", e."specificationId"
      FROM "Entry" e
      WHERE e."candidateId" = c.id AND ${entry}
      ${filters.spec ? Prisma.empty : Prisma.sql`OFFSET 0`}
    ) e
    JOIN "Specification" s ON s.id = e."specificationId"
    WHERE c."centreId" = ${centreId} ${candidateWordsSql("c", words)} ${bySpec}
    ORDER BY c."candidateNumber", s.code
    LIMIT ${ENTRIES_PAGE_SIZE} OFFSET ${(page - 1) * ENTRIES_PAGE_SIZE}`;
  const count =
    words.length === 0 && !filters.spec
      ? Prisma.sql`SELECT count(*)::int AS n FROM "Entry" e WHERE ${entry}`
      : Prisma.sql`
        SELECT count(*)::int AS n
        FROM "Entry" e
        JOIN "Candidate" c ON c.id = e."candidateId"
        JOIN "Specification" s ON s.id = e."specificationId"
        WHERE ${entry} AND c."centreId" = ${centreId} ${candidateWordsSql("c", words)} ${bySpec}`;
  return { count, rows };
}

/**
 * The centre's entries in a series (the latest when `seriesCode` is empty), a page at a time
 * (`filters.page`), with optional specification code, status and candidate search (name,
 * candidate number or UCI) filters, and what the page offers around them. An unknown series code
 * is "not found".
 */
export async function listEntries(seriesCode = "", filters: EntryFilters = {}): Promise<Result<EntriesPage>> {
  const a = await authorizeEntries();
  if (!a.ok) return a;
  const db = getPrisma();
  const seriesChoices = await db.series.findMany({ select: SERIES_SELECT, orderBy: { resultsDay: "desc" } });
  const series = seriesCode ? seriesChoices.find((s) => s.code === seriesCode) : seriesChoices[0];
  if (seriesCode && !series) return refuse("notFound");
  const page = pageNumber(filters?.page);
  const empty = {
    ok: true as const,
    canMake: a.canMake,
    seriesChoices,
    specifications: [],
    entries: [],
    total: 0,
    page,
    pageSize: ENTRIES_PAGE_SIZE,
  };
  if (!series) return { ...empty, series: null, deadlinePassed: false };
  const status = filters?.status === "ENTERED" || filters?.status === "WITHDRAWN" ? filters.status : undefined;
  const spec = typeof filters?.spec === "string" && filters.spec ? filters.spec.slice(0, 20) : undefined;
  const q = typeof filters?.q === "string" ? filters.q : undefined;
  const sql = entriesPageSql(a.caller.centreId, series.id, { spec, status, q }, page);
  const [specs, [{ n: total }], rows] = await Promise.all([
    db.specification.findMany({ include: { qualification: true }, orderBy: { code: "asc" } }),
    db.$queryRaw<{ n: number }[]>(sql.count),
    db.$queryRaw<EntryRow[]>(sql.rows),
  ]);
  return {
    ...empty,
    series,
    deadlinePassed: isLate(series, a.at),
    specifications: specs.map((s) => ({
      id: s.id,
      code: s.code,
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      qualification: s.qualification.code,
    })),
    entries: rows.map((e) => ({
      id: e.id,
      candidate: {
        id: e.candidateId,
        candidateNumber: e.candidateNumber,
        uci: e.uci,
        firstName: e.firstName,
        lastName: e.lastName,
      },
      spec: { id: e.specId, code: e.specCode, titleEn: e.specTitleEn, titleCy: e.specTitleCy },
      status: e.status,
      late: e.late,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    })),
    total,
  };
}

export type EnterInput = { seriesId?: string; candidateId?: string; specificationId?: string };
export type EnterResult = Result<{ late: boolean }> | FieldRefusal;

const withFields = (fieldErrors: FieldErrors, error: "invalid" | "conflict" = "invalid"): FieldRefusal => ({
  ...refuse(error, Object.values(fieldErrors)[0]?.[0]),
  fieldErrors,
});

/** Enters a candidate of the centre for a specification; a withdrawn entry is entered again. */
export async function enterCandidate(input: EnterInput): Promise<EnterResult> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const { caller, at } = a;
  const { seriesId = "", candidateId = "", specificationId = "" } = input ?? {};
  const missing: FieldErrors = {};
  if (!candidateId) missing.candidateId = ["candidateRequired"];
  if (!specificationId) missing.specificationId = ["specificationRequired"];
  if (!seriesId) return refuse("notFound");
  if (Object.keys(missing).length) return withFields(missing);
  return getPrisma().$transaction(async (tx): Promise<EnterResult> => {
    const candidate = await tx.candidate.findFirst({
      where: inCentre(caller, { id: candidateId }),
      select: { id: true },
    });
    if (!candidate) return refuse("notFound");
    const series = await tx.series.findUnique({ where: { id: seriesId } });
    if (!series) return refuse("notFound");
    const spec = await tx.specification.findUnique({
      where: { id: specificationId },
      select: { id: true, code: true },
    });
    if (!spec) return withFields({ specificationId: ["unknownSpecification"] });
    const late = isLate(series, at);
    const existing = await tx.entry.findUnique({
      where: {
        candidateId_seriesId_specificationId: {
          candidateId: candidate.id,
          seriesId: series.id,
          specificationId: spec.id,
        },
      },
    });
    if (existing?.status === "ENTERED") return withFields({ specificationId: ["alreadyEntered"] }, "conflict");
    const entry = existing
      ? await tx.entry.update({ where: { id: existing.id }, data: { status: "ENTERED", late } })
      : await tx.entry.create({
          data: {
            centreId: caller.centreId,
            candidateId: candidate.id,
            seriesId: series.id,
            specificationId: spec.id,
            late,
            createdAt: at,
          },
        });
    await audit(tx, {
      action: "entry.created",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      details: { entryId: entry.id, series: series.code, spec: spec.code, late },
      at,
    });
    return { ok: true, late };
  });
}

/** Withdraws an entry of the centre. Withdrawing twice changes nothing. */
export async function withdrawEntry(entryId: string): Promise<Result> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const { caller, at } = a;
  if (typeof entryId !== "string" || !entryId) return refuse("notFound");
  return getPrisma().$transaction(async (tx): Promise<Result> => {
    const entry = await tx.entry.findFirst({ where: inCentre(caller, { id: entryId }) });
    if (!entry) return refuse("notFound");
    if (entry.status === "WITHDRAWN") return { ok: true };
    await tx.entry.update({ where: { id: entry.id }, data: { status: "WITHDRAWN" } });
    await audit(tx, {
      action: "entry.withdrawn",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      details: { entryId: entry.id },
      at,
    });
    return { ok: true };
  });
}
