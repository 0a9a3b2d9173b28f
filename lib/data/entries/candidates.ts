import "server-only";
import { inCentre, refuse, type Refusal, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { compareNames } from "@/lib/i18n/collate";
import type { Locale } from "@/lib/i18n/config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CANDIDATES_PAGE_SIZE, pageNumber } from "@/lib/entries/rules";
import { candidateSchema, type CandidateInput } from "@/lib/validation/entries";
import type { FieldErrors } from "@/lib/validation/action-state";
import { authorizeEntries } from "./caller";

// The centre's candidates (docs/product-rules.md ("Entries")): every entries caller reads them;
// exams officers and Admins add and change them. Candidate number and UCI are each unique
// within a centre; another centre's candidate is "not found".

export type CandidateDto = {
  id: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
};

/** A refusal that names the fields at fault (message keys of the "errors" namespace). */
export type FieldRefusal = Refusal & { readonly fieldErrors: FieldErrors };

const withFields = (error: "invalid" | "conflict", fieldErrors: FieldErrors): FieldRefusal => ({
  ...refuse(error, Object.values(fieldErrors)[0]?.[0]),
  fieldErrors,
});

const toDto = (c: {
  id: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
}): CandidateDto => ({
  id: c.id,
  candidateNumber: c.candidateNumber,
  uci: c.uci,
  firstName: c.firstName,
  lastName: c.lastName,
  dateOfBirth: c.dateOfBirth.toISOString().slice(0, 10),
});

export type CandidatesPage = {
  canMake: boolean;
  /** One page of the candidates that match, sorted by surname then forenames. */
  candidates: CandidateDto[];
  /** How many candidates match, on every page. */
  total: number;
  page: number;
  pageSize: number;
};

/**
 * The centre's candidates, searched by name, candidate number or UCI, sorted by surname then
 * forenames in the reader's alphabet (Welsh order treats ll, ch, dd… as letters), a page at a
 * time: `pageSize` (default CANDIDATES_PAGE_SIZE) from page `page`. The sort is the reader's
 * language's, which the database does not know, so it reads only the names and numbers of every
 * match, sorts those, and then reads the page's candidates in full.
 */
export async function listCandidates(
  options: { q?: string; locale?: Locale; page?: number | string; pageSize?: number } = {},
): Promise<Result<CandidatesPage>> {
  const a = await authorizeEntries();
  if (!a.ok) return a;
  const locale = options?.locale ?? "en";
  const q = (options?.q ?? "").trim().slice(0, 100);
  const words = q.split(/\s+/).filter(Boolean);
  const page = pageNumber(options?.page);
  const pageSize = Math.max(1, Math.min(200, Math.floor(options?.pageSize ?? CANDIDATES_PAGE_SIZE)));
  const where: Prisma.CandidateWhereInput = inCentre(a.caller, {
    AND: words.map((w) => ({
      OR: [
        { firstName: { contains: w, mode: "insensitive" as const } },
        { lastName: { contains: w, mode: "insensitive" as const } },
        { candidateNumber: { startsWith: w } },
        { uci: { startsWith: w.toUpperCase() } },
      ],
    })),
  });
  const db = getPrisma();
  const names = await db.candidate.findMany({
    where,
    select: { id: true, lastName: true, firstName: true, candidateNumber: true },
  });
  names.sort(
    (x, y) =>
      compareNames(locale, x.lastName, y.lastName) ||
      compareNames(locale, x.firstName, y.firstName) ||
      x.candidateNumber.localeCompare(y.candidateNumber),
  );
  const ids = names.slice((page - 1) * pageSize, page * pageSize).map((c) => c.id);
  const rows = ids.length ? await db.candidate.findMany({ where: inCentre(a.caller, { id: { in: ids } }) }) : [];
  const byId = new Map(rows.map((c) => [c.id, c]));
  return {
    ok: true,
    canMake: a.canMake,
    candidates: ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [toDto(c)] : [];
    }),
    total: names.length,
    page,
    pageSize,
  };
}

export async function getCandidate(id: string): Promise<Result<{ canMake: boolean; candidate: CandidateDto }>> {
  const a = await authorizeEntries();
  if (!a.ok) return a;
  if (typeof id !== "string" || !id) return refuse("notFound");
  const row = await getPrisma().candidate.findFirst({ where: inCentre(a.caller, { id }) });
  if (!row) return refuse("notFound");
  return { ok: true, canMake: a.canMake, candidate: toDto(row) };
}

/** Whether the caller may add candidates (the "Add a candidate" page): EO/Admins only. */
export async function authorizeAddCandidate(): Promise<Result> {
  const a = await authorizeEntries("make");
  return a.ok ? { ok: true } : a;
}

/** What the candidate form sends: the fields of lib/validation/entries.ts `CANDIDATE_FIELDS`, as typed. */
export type CandidateValues = Partial<Record<string, string>>;

export type SaveResult = Result<{ id: string; candidateNumber: string }> | FieldRefusal;

// Two requests racing past the checks below meet the unique indexes instead.
const uniqueField = (e: unknown): FieldErrors =>
  /uci/i.test(JSON.stringify((e as { meta?: unknown }).meta ?? "") + String((e as Error).message))
    ? { uci: ["uciTaken"] }
    : { candidateNumber: ["candidateNumberTaken"] };

type Tx = Prisma.TransactionClient;

/** Candidate number and UCI are each unique within a centre. */
async function clashes(
  tx: Tx,
  centreId: string,
  input: CandidateInput,
  selfId: string | null,
): Promise<FieldErrors | null> {
  const others = await tx.candidate.findMany({
    where: {
      centreId,
      OR: [{ candidateNumber: input.candidateNumber }, { uci: input.uci }],
      ...(selfId ? { id: { not: selfId } } : {}),
    },
    select: { candidateNumber: true, uci: true },
  });
  const errors: FieldErrors = {};
  if (others.some((o) => o.candidateNumber === input.candidateNumber))
    errors.candidateNumber = ["candidateNumberTaken"];
  if (others.some((o) => o.uci === input.uci)) errors.uci = ["uciTaken"];
  return Object.keys(errors).length ? errors : null;
}

/** The form's values checked against the rules as of `at` (the date of birth must be in the past). */
function parse(values: CandidateValues, at: Date): { data: CandidateInput } | { refusal: FieldRefusal } {
  const parsed = candidateSchema(at).safeParse(values ?? {});
  if (parsed.success) return { data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  return { refusal: withFields("invalid", fieldErrors) };
}

/** Adds a candidate (EO/Admin only). A candidate number or UCI already used at the centre is refused. */
export async function createCandidate(values: CandidateValues): Promise<SaveResult> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const { caller, at } = a;
  const input = parse(values, at);
  if ("refusal" in input) return input.refusal;
  try {
    return await getPrisma().$transaction(async (tx): Promise<SaveResult> => {
      const clash = await clashes(tx, caller.centreId, input.data, null);
      if (clash) return withFields("conflict", clash);
      const created = await tx.candidate.create({ data: { centreId: caller.centreId, ...input.data } });
      await audit(tx, {
        action: "candidate.created",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: caller.centreId,
        details: { candidateId: created.id, candidateNumber: created.candidateNumber },
        at,
      });
      return { ok: true, id: created.id, candidateNumber: created.candidateNumber };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return withFields("conflict", uniqueField(e));
    throw e;
  }
}

/** Changes a candidate of the caller's centre; another centre's id is "not found". */
export async function updateCandidate(id: string, values: CandidateValues): Promise<SaveResult> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const { caller, at } = a;
  if (typeof id !== "string" || !id) return refuse("notFound");
  const input = parse(values, at);
  try {
    return await getPrisma().$transaction(async (tx): Promise<SaveResult> => {
      const existing = await tx.candidate.findFirst({ where: inCentre(caller, { id }) });
      if (!existing) return refuse("notFound");
      if ("refusal" in input) return input.refusal;
      const clash = await clashes(tx, caller.centreId, input.data, id);
      if (clash) return withFields("conflict", clash);
      await tx.candidate.update({ where: { id }, data: input.data });
      const text = (v: unknown) => String(v instanceof Date ? v.toISOString() : v);
      const changed = (Object.keys(input.data) as (keyof CandidateInput)[]).filter(
        (k) => text(existing[k]) !== text(input.data[k]),
      );
      await audit(tx, {
        action: "candidate.updated",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: caller.centreId,
        details: { candidateId: id, changed },
        at,
      });
      return { ok: true, id, candidateNumber: input.data.candidateNumber };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return withFields("conflict", uniqueField(e));
    throw e;
  }
}
