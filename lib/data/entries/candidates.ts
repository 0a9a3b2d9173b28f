import "server-only";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { compareNames } from "@/lib/i18n/collate";
import type { Locale } from "@/lib/i18n/config";
import type { CandidateInput } from "@/lib/validation/entries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { accessOf, FORBIDDEN, NOT_FOUND, type Denied } from "./access";

export type CandidateDto = {
  id: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
};

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

/**
 * The centre's candidates, searched by name, candidate number or UCI, sorted by surname then
 * forenames in the reader's alphabet (Welsh order treats ll, ch, dd… as letters).
 */
export async function listCandidates(
  session: LiveSession,
  options: { q?: string; locale: Locale },
): Promise<{ ok: true; access: "make" | "view"; candidates: CandidateDto[] } | Denied> {
  const { access, centreId } = accessOf(session);
  if (!access || !centreId) return FORBIDDEN;
  const q = (options.q ?? "").trim().slice(0, 100);
  const words = q.split(/\s+/).filter(Boolean);
  const where: Prisma.CandidateWhereInput = {
    centreId,
    AND: words.map((w) => ({
      OR: [
        { firstName: { contains: w, mode: "insensitive" as const } },
        { lastName: { contains: w, mode: "insensitive" as const } },
        { candidateNumber: { startsWith: w } },
        { uci: { startsWith: w.toUpperCase() } },
      ],
    })),
  };
  const rows = await getPrisma().candidate.findMany({ where, take: 5000 });
  const sorted = [...rows].sort(
    (x, y) =>
      compareNames(options.locale, x.lastName, y.lastName) ||
      compareNames(options.locale, x.firstName, y.firstName) ||
      x.candidateNumber.localeCompare(y.candidateNumber),
  );
  return { ok: true, access, candidates: sorted.map(toDto) };
}

export async function getCandidate(
  session: LiveSession,
  id: string,
): Promise<{ ok: true; access: "make" | "view"; candidate: CandidateDto } | Denied> {
  const { access, centreId } = accessOf(session);
  if (!access || !centreId) return FORBIDDEN;
  const row = await getPrisma().candidate.findFirst({ where: { id, centreId } });
  if (!row) return NOT_FOUND;
  return { ok: true, access, candidate: toDto(row) };
}

export type SaveResult = { ok: true; id: string } | Denied | { ok: false; fieldErrors: Record<string, string[]> };

// Two requests racing past the checks below meet the unique indexes instead.
const uniqueField = (e: unknown): Record<string, string[]> =>
  /uci/i.test(JSON.stringify((e as { meta?: unknown }).meta ?? "") + String((e as Error).message))
    ? { uci: ["uciTaken"] }
    : { candidateNumber: ["candidateNumberTaken"] };

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];

/** Candidate number and UCI are each unique within a centre. */
async function clashes(
  tx: Tx,
  centreId: string,
  input: CandidateInput,
  selfId: string | null,
): Promise<Record<string, string[]> | null> {
  const others = await tx.candidate.findMany({
    where: {
      centreId,
      OR: [{ candidateNumber: input.candidateNumber }, { uci: input.uci }],
      ...(selfId ? { id: { not: selfId } } : {}),
    },
    select: { candidateNumber: true, uci: true },
  });
  const errors: Record<string, string[]> = {};
  if (others.some((o) => o.candidateNumber === input.candidateNumber))
    errors.candidateNumber = ["candidateNumberTaken"];
  if (others.some((o) => o.uci === input.uci)) errors.uci = ["uciTaken"];
  return Object.keys(errors).length ? errors : null;
}

/** Adds a candidate (EO/Admin only). A candidate number already used at the centre is refused. */
export async function createCandidate(session: LiveSession, input: CandidateInput, now: Date): Promise<SaveResult> {
  const { access, centreId } = accessOf(session);
  if (access !== "make" || !centreId) return FORBIDDEN;
  try {
    return await getPrisma().$transaction(async (tx) => {
      const clash = await clashes(tx, centreId, input, null);
      if (clash) return { ok: false as const, fieldErrors: clash };
      const created = await tx.candidate.create({ data: { centreId, ...input } });
      await audit(tx, {
        action: "candidate.created",
        outcome: "success",
        actorId: session.user.id,
        actorEmail: session.user.email,
        centreId,
        details: { candidateId: created.id, candidateNumber: created.candidateNumber },
        at: now,
      });
      return { ok: true as const, id: created.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: uniqueField(e) };
    throw e;
  }
}

/** Changes a candidate of the caller's centre; another centre's id is "not found". */
export async function updateCandidate(
  session: LiveSession,
  id: string,
  input: CandidateInput,
  now: Date,
): Promise<SaveResult> {
  const { access, centreId } = accessOf(session);
  if (access !== "make" || !centreId) return FORBIDDEN;
  try {
    return await getPrisma().$transaction(async (tx) => {
      const existing = await tx.candidate.findFirst({ where: { id, centreId } });
      if (!existing) return NOT_FOUND;
      const clash = await clashes(tx, centreId, input, id);
      if (clash) return { ok: false as const, fieldErrors: clash };
      await tx.candidate.update({ where: { id }, data: input });
      const changed = (Object.keys(input) as (keyof CandidateInput)[]).filter(
        (k) =>
          String(existing[k] instanceof Date ? (existing[k] as Date).toISOString() : existing[k]) !==
          String(input[k] instanceof Date ? (input[k] as Date).toISOString() : input[k]),
      );
      await audit(tx, {
        action: "candidate.updated",
        outcome: "success",
        actorId: session.user.id,
        actorEmail: session.user.email,
        centreId,
        details: { candidateId: id, changed },
        at: now,
      });
      return { ok: true as const, id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: uniqueField(e) };
    throw e;
  }
}
