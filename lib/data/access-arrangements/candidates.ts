import "server-only";
import { inCentre, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { londonToday, yearGroupOn, yearNineStart } from "@/lib/access-arrangements/evidence";
import type { ModifiedPaperFormat } from "@/lib/generated/prisma/enums";
import { recordIdSchema } from "@/lib/validation/ids";
import {
  auditRead,
  authorizeArrangements,
  candidateSearch,
  cleanQuery,
  ROW_INCLUDE,
  toRow,
  type ArrangementRow,
  type CandidateName,
  type SeriesName,
} from "./shared";

// A centre's candidates as access arrangements sees them (docs/access-arrangements.md): a search
// that offers a few matches (a centre may have 900 candidates: never a list of them all), and
// one candidate's arrangements and modified paper orders. Another centre's candidate is "not
// found". Reading a candidate's arrangements is audited.

/** Matches the candidate search offers at most. */
export const CANDIDATE_MATCHES = 20;

/** Candidates of the caller's centre matching `q` (name, candidate number or UCI), at most 20, by surname. */
export async function findCandidates(
  q: string,
): Promise<Result<{ candidates: CandidateName[]; total: number; q: string }>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const query = cleanQuery(q);
  if (!query) return { ok: true, candidates: [], total: 0, q: "" };
  const where = inCentre(auth.caller, candidateSearch(query));
  const db = getPrisma();
  const [candidates, total] = await Promise.all([
    db.candidate.findMany({
      where,
      select: { id: true, candidateNumber: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { candidateNumber: "asc" }],
      take: CANDIDATE_MATCHES,
    }),
    db.candidate.count({ where }),
  ]);
  return { ok: true, candidates, total, q: query };
}

export type CandidateDetails = CandidateName & {
  uci: string;
  /** "YYYY-MM-DD" */
  dateOfBirth: string;
  /** The first day of the candidate's Year 9, "YYYY-MM-DD": assessments count from it. */
  yearNineStart: string;
  /** The candidate's year group today. */
  yearGroup: number;
};

export type OrderRow = {
  id: string;
  series: SeriesName;
  format: ModifiedPaperFormat;
  components: { code: string; titleEn: string; titleCy: string }[];
  orderedAt: Date;
  late: boolean;
};

/** One candidate of the caller's centre, as the forms need them (no arrangement data: not audited). */
export async function candidateForForms(
  candidateId: string,
): Promise<Result<{ candidate: CandidateDetails; series: SeriesName[]; today: string }>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const id = recordIdSchema.safeParse(candidateId);
  if (!id.success) return refuse("notFound");
  const db = getPrisma();
  const candidate = await db.candidate.findFirst({ where: inCentre(auth.caller, { id: id.data }) });
  if (!candidate) return refuse("notFound");
  const series = await db.series.findMany({
    select: { code: true, nameEn: true, nameCy: true },
    orderBy: { resultsDay: "desc" },
  });
  const today = londonToday(auth.at);
  return {
    ok: true,
    candidate: {
      id: candidate.id,
      candidateNumber: candidate.candidateNumber,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      uci: candidate.uci,
      dateOfBirth: candidate.dateOfBirth.toISOString().slice(0, 10),
      yearNineStart: yearNineStart(candidate.dateOfBirth),
      yearGroup: yearGroupOn(candidate.dateOfBirth, today),
    },
    series,
    today,
  };
}

/** One candidate's arrangements (every one, withdrawn too) and modified paper orders. Audited. */
export async function candidateArrangements(candidateId: string): Promise<
  Result<{
    candidate: CandidateDetails;
    arrangements: ArrangementRow[];
    orders: OrderRow[];
    series: SeriesName[];
    today: string;
  }>
> {
  const base = await candidateForForms(candidateId);
  if (!base.ok) return base;
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const [rows, orders] = await Promise.all([
    db.accessArrangement.findMany({
      where: inCentre(auth.caller, { candidateId: base.candidate.id }),
      include: ROW_INCLUDE,
      orderBy: { createdAt: "desc" },
    }),
    db.modifiedPaperOrder.findMany({
      where: inCentre(auth.caller, { candidateId: base.candidate.id }),
      include: {
        series: { select: { code: true, nameEn: true, nameCy: true } },
        components: { include: { component: { select: { code: true, titleEn: true, titleCy: true } } } },
      },
      orderBy: { orderedAt: "desc" },
    }),
  ]);
  await auditRead(auth, "access_arrangements.candidate_viewed", {
    candidateId: base.candidate.id,
    candidateNumber: base.candidate.candidateNumber,
    arrangements: rows.length,
    orders: orders.length,
  });
  return {
    ok: true,
    candidate: base.candidate,
    arrangements: rows.map((r) => toRow(r, auth.at)),
    orders: orders.map((o) => ({
      id: o.id,
      series: o.series,
      format: o.format,
      components: o.components.map((c) => c.component).sort((a, b) => a.code.localeCompare(b.code)),
      orderedAt: o.orderedAt,
      late: o.late,
    })),
    series: base.series,
    today: base.today,
  };
}
