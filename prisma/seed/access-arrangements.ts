// Demo access arrangements for centre 68101 (docs/access-arrangements.md): applications approved
// at once, one expiring soon and one expired, two referred and waiting for the board, one the
// board approved and one it refused, delegated arrangements, June 2027's modified-paper deadline
// and an order of modified papers. Times are counted back from the seed's own time, so the
// states (expiring soon, expired) hold whenever the demo is seeded. Candidates 0001–0008 are
// used; the end-to-end tests apply for others.
import { createHash } from "node:crypto";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import type {
  AccessArrangementStatus,
  AccessArrangementType,
  ModifiedPaperFormat,
  StandardisedArea,
  SupportPlan,
} from "@/lib/generated/prisma/enums";
import { approvalExpiry, londonPlusMonths } from "@/lib/access-arrangements/expiry";
import { formatReference } from "@/lib/access-arrangements/reference";
import { londonTime } from "@/lib/time";
import type { Db } from "@/tests/factories";

/** The candidate numbers of centre 68101 the demo arrangements are for. */
export const DEMO_ARRANGEMENT_CANDIDATES = ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008"];

type Demo = {
  candidate: string;
  type: AccessArrangementType;
  status: AccessArrangementStatus;
  /** Months before the seed's time it was made (and decided, unless `decidedMonthsAgo`). */
  monthsAgo: number;
  decidedMonthsAgo?: number;
  byBoard?: boolean;
  referralReason?: string;
  comment?: string;
  extraTimePercent?: number;
  paperFormat?: ModifiedPaperFormat;
  supportPlan?: SupportPlan;
  scores?: [string, StandardisedArea, number][];
  standing?: boolean;
  details?: string;
};

const SCORES_QUALIFY: Demo["scores"] = [
  ["TOWRE-2 Sight Word Efficiency", "READING_SPEED", 82],
  ["DASH 17+ free writing", "WRITING_SPEED", 87],
];

const DEMOS: Demo[] = [
  { candidate: "0001", type: "EXTRA_TIME_25", status: "APPROVED", monthsAgo: 2, scores: SCORES_QUALIFY },
  { candidate: "0002", type: "EXTRA_TIME_25", status: "APPROVED", monthsAgo: 24, scores: SCORES_QUALIFY },
  { candidate: "0003", type: "EXTRA_TIME_25", status: "APPROVED", monthsAgo: 27, supportPlan: "IDP", scores: [] },
  {
    candidate: "0004",
    type: "READER",
    status: "REFERRED",
    monthsAgo: 0,
    referralReason: "readerNeedsBoard",
    details: "Reads slowly and loses the thread of long questions.",
    scores: [["WRAT5 reading comprehension", "READING_COMPREHENSION_SPEED", 79]],
  },
  {
    candidate: "0005",
    type: "EXTRA_TIME_25",
    status: "REFERRED",
    monthsAgo: 0,
    referralReason: "noBelowAverageScore",
    scores: [
      ["TOWRE-2 Sight Word Efficiency", "READING_SPEED", 88],
      ["SDMT symbol digit", "COGNITIVE_PROCESSING", 91],
    ],
  },
  {
    candidate: "0006",
    type: "SCRIBE",
    status: "REFUSED",
    monthsAgo: 2,
    decidedMonthsAgo: 1,
    byBoard: true,
    referralReason: "scribeNeedsBoard",
    comment: "The evidence does not show that a scribe is the candidate's normal way of working.",
    scores: [["DASH 17+ free writing", "WRITING_SPEED", 83]],
  },
  {
    candidate: "0007",
    type: "EXTRA_TIME_OVER_25",
    status: "APPROVED",
    monthsAgo: 6,
    decidedMonthsAgo: 5,
    byBoard: true,
    extraTimePercent: 50,
    referralReason: "overTwentyFiveNeedsBoard",
    comment: "Approved on the specialist's evidence.",
    supportPlan: "EHCP",
    scores: [
      ["TOWRE-2 Sight Word Efficiency", "READING_SPEED", 69],
      ["SDMT symbol digit", "COGNITIVE_PROCESSING", 72],
    ],
  },
  {
    candidate: "0008",
    type: "MODIFIED_PAPERS",
    status: "APPROVED",
    monthsAgo: 2,
    decidedMonthsAgo: 1,
    byBoard: true,
    paperFormat: "ENLARGED_18",
    referralReason: "modifiedPapersNeedBoard",
    details: "Visual impairment: reads comfortably at 18 point.",
  },
  { candidate: "0001", type: "SUPERVISED_REST_BREAKS", status: "DELEGATED", monthsAgo: 3, standing: true },
  { candidate: "0004", type: "COLOURED_OVERLAYS", status: "DELEGATED", monthsAgo: 1, standing: true },
  { candidate: "0008", type: "WORD_PROCESSOR", status: "DELEGATED", monthsAgo: 1, details: "Types all coursework." },
];

/** Random-looking but fixed bytes for a demo reference, so a reseed gives the same numbers. */
const bytesFor = (seed: string) => createHash("sha256").update(`demo-aa:${seed}`).digest();

export async function seedAccessArrangements(
  tx: Db,
  centres: Centre[],
  series: Series,
  log: (line: string) => void,
  now: Date = new Date(),
): Promise<void> {
  const centre = centres.find((c) => c.number === "68101");
  if (!centre) return;
  if (await tx.accessArrangement.count({ where: { centreId: centre.id } })) return;
  const [eo, board] = await Promise.all(
    ["eo@68101.test", "board@board.test"].map((email) =>
      tx.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } }),
    ),
  );
  const candidates = await tx.candidate.findMany({
    where: { centreId: centre.id, candidateNumber: { in: DEMO_ARRANGEMENT_CANDIDATES } },
  });
  const byNumber = new Map(candidates.map((c) => [c.candidateNumber, c]));
  const ago = (months: number) =>
    months === 0 ? new Date(now.getTime() - 2 * 86_400_000) : londonPlusMonths(now, -months);

  for (const d of DEMOS) {
    const candidate = byNumber.get(d.candidate);
    if (!candidate) continue;
    const createdAt = ago(d.monthsAgo);
    const decidedAt = d.status === "APPROVED" || d.status === "REFUSED" ? ago(d.decidedMonthsAgo ?? d.monthsAgo) : null;
    const application = d.status !== "DELEGATED";
    await tx.accessArrangement.create({
      data: {
        centreId: centre.id,
        candidateId: candidate.id,
        seriesId: d.standing || application ? null : series.id,
        type: d.type,
        status: d.status,
        extraTimePercent: d.extraTimePercent ?? null,
        paperFormat: d.paperFormat ?? null,
        details: d.details ?? "",
        reference:
          d.status === "APPROVED" ? formatReference(centre.number, bytesFor(`${d.candidate}:${d.type}`)) : null,
        decidedAt,
        decidedById: d.byBoard ? board.id : null,
        referralReason: d.referralReason ?? null,
        decisionComment: d.comment ?? "",
        expiresAt: d.status === "APPROVED" && decidedAt ? approvalExpiry(decidedAt) : null,
        assessorName: application && d.scores?.length ? "Dr Eira Hughes" : "",
        assessorQualification: application && d.scores?.length ? "PG Cert in specialist assessment (CPT3A)" : "",
        assessmentDate: application && d.scores?.length ? new Date(Date.UTC(2025, 9, 6)) : null,
        supportPlan: d.supportPlan ?? null,
        normalWayOfWorking: true,
        dataNoticeGiven: application,
        declaredById: application ? eo.id : null,
        declaredByName: application ? eo.name : "",
        declaredAt: application ? createdAt : null,
        createdById: eo.id,
        createdAt,
        updatedAt: decidedAt ?? createdAt,
        scores: {
          create: (d.scores ?? []).map(([test, area, score], i) => ({ position: i + 1, test, area, score })),
        },
      },
    });
  }

  // June 2027's deadline for modified papers: 23:59 UK time on 31 January 2027.
  await tx.series.update({
    where: { id: series.id },
    data: { modifiedPaperDeadline: londonTime(2027, 1, 31, 23, 59) },
  });
  // Candidate 0008's enlarged papers: the first written paper of each of their June 2027 entries.
  const reader = byNumber.get("0008");
  if (reader) {
    const components = await tx.component.findMany({
      where: {
        internallyAssessed: false,
        specification: { entries: { some: { candidateId: reader.id, seriesId: series.id, status: "ENTERED" } } },
      },
      orderBy: { code: "asc" },
    });
    if (components.length) {
      const orderedAt = ago(1);
      await tx.modifiedPaperOrder.create({
        data: {
          centreId: centre.id,
          candidateId: reader.id,
          seriesId: series.id,
          format: "ENLARGED_18",
          orderedAt,
          orderedById: eo.id,
          late: orderedAt.getTime() > londonTime(2027, 1, 31, 23, 59).getTime(),
          components: { create: components.slice(0, 2).map((c) => ({ componentId: c.id })) },
        },
      });
    }
  }
  log(`access arrangements: ${DEMOS.length} at centre ${centre.number}, a modified paper order`);
}
