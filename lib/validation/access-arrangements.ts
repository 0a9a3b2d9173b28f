import { z } from "zod";
import { parseCalendarDate, readLondonDateTime } from "@/lib/board/series-times";
import {
  APPROVAL_TYPES,
  DELEGATED_TYPES,
  MAX_SCORES,
  OVER_25_PERCENTS,
  PAPER_FORMATS,
  SCORE_MAX,
  SCORE_MIN,
  STANDARDISED_AREAS,
  SUPPORT_PLANS,
} from "@/lib/access-arrangements/types";
import { recordIdSchema } from "./ids";
import { isMultiLine, isSingleLine } from "./text";

// The access arrangement forms (docs/access-arrangements.md). Each form is read into a plain
// object and parsed with a strict schema: a field the form never sends, or one sent twice, refuses
// the whole post ("tampered") before anything is looked up. Error messages are keys of the
// "errors" namespace. The data layer checks again what needs the database (the candidate, the
// series, the assessment date against the date of birth, what is already held).

/** A form's fields as one object; null when a one-value field came more than once (a tampered post). */
export function formObject(
  formData: FormData,
  lists: readonly string[] = [],
): Record<string, string | string[]> | null {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    if (lists.includes(key)) out[key] = values;
    else if (values.length > 1) return null;
    else out[key] = values[0];
  }
  return out;
}

const line = (max: number, tooLong: string) =>
  z.string().trim().max(max, tooLong).refine(isSingleLine, "aaTextInvalid");
const details = z.string().trim().max(1000, "aaDetailsTooLong").refine(isMultiLine, "aaTextInvalid");
const id = z
  .string()
  .max(100)
  .pipe(recordIdSchema.or(z.literal("")));
/** A series code, or "" for a standing arrangement (every series). */
const seriesCode = z.string().trim().max(40, "aaSeriesUnknown");
/** A checkbox: ticked ("yes") or not; whether it had to be is said by the form's own check. */
const tick = z
  .string()
  .max(10)
  .optional()
  .transform((v) => v === "yes");

export const DELEGATED_FIELDS = ["candidateId", "series", "type", "details", "normalWayOfWorking"] as const;

/** Recording an arrangement delegated to the centre. */
export const delegatedSchema = z
  .object({
    candidateId: id,
    series: seriesCode,
    type: z.enum(DELEGATED_TYPES, { error: "aaTypeRequired" }),
    details,
    normalWayOfWorking: tick,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.normalWayOfWorking)
      ctx.addIssue({ code: "custom", path: ["normalWayOfWorking"], message: "aaNormalWayRequired" });
  });

export type DelegatedInput = z.output<typeof delegatedSchema>;

const scoreFields = (n: number) => [`scoreTest${n}`, `scoreArea${n}`, `scoreValue${n}`] as const;
const SCORE_ROWS = Array.from({ length: MAX_SCORES }, (_, i) => i + 1);

export const APPLICATION_FIELDS = [
  "candidateId",
  "series",
  "type",
  "extraTimePercent",
  "paperFormat",
  "details",
  "supportPlan",
  "assessorName",
  "assessorQualification",
  "assessmentDate",
  ...SCORE_ROWS.flatMap(scoreFields),
  "normalWayOfWorking",
  "dataNoticeGiven",
  "declaration",
] as const;

const scoreShape = Object.fromEntries(
  SCORE_ROWS.flatMap((n) => [
    [`scoreTest${n}`, line(100, "aaScoreTestTooLong").optional().default("")],
    [`scoreArea${n}`, z.string().max(40).optional().default("")],
    [`scoreValue${n}`, z.string().trim().max(10, "aaScoreInvalid").optional().default("")],
  ]),
) as Record<string, z.ZodDefault<z.ZodOptional<z.ZodType<string>>>>;

/** An application for an arrangement that needs approval, with its evidence and the declaration. */
export const applicationSchema = z
  .object({
    candidateId: id,
    series: seriesCode,
    type: z.enum(APPROVAL_TYPES, { error: "aaTypeRequired" }),
    extraTimePercent: z.string().trim().max(4).optional().default(""),
    paperFormat: z.string().max(40).optional().default(""),
    details,
    supportPlan: z
      .enum(["", ...SUPPORT_PLANS], { error: "aaPlanInvalid" })
      .optional()
      .default(""),
    assessorName: line(100, "aaAssessorTooLong"),
    assessorQualification: line(200, "aaQualificationTooLong"),
    assessmentDate: z.string().trim().max(10, "aaAssessmentDateInvalid"),
    ...scoreShape,
    normalWayOfWorking: tick,
    dataNoticeGiven: tick,
    declaration: tick,
  })
  .strict()
  .transform((raw, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const field = (key: string) => String((raw as Record<string, unknown>)[key] ?? "");
    const type = raw.type;
    let extraTimePercent: number | null = null;
    if (type === "EXTRA_TIME_OVER_25") {
      const n = Number(raw.extraTimePercent);
      if ((OVER_25_PERCENTS as readonly number[]).includes(n)) extraTimePercent = n;
      else issue("extraTimePercent", "aaPercentRequired");
    }
    let paperFormat: (typeof PAPER_FORMATS)[number] | null = null;
    if (type === "MODIFIED_PAPERS") {
      paperFormat = PAPER_FORMATS.find((f) => f === raw.paperFormat) ?? null;
      if (!paperFormat) issue("paperFormat", "aaFormatRequired");
    }
    const supportPlan = raw.supportPlan === "" ? null : raw.supportPlan;
    let assessmentDate: string | null = null;
    if (raw.assessmentDate) {
      if (parseCalendarDate(raw.assessmentDate)) assessmentDate = raw.assessmentDate;
      else issue("assessmentDate", "aaAssessmentDateInvalid");
    }
    const scores: { test: string; area: (typeof STANDARDISED_AREAS)[number]; score: number }[] = [];
    for (const n of SCORE_ROWS) {
      const [testKey, areaKey, valueKey] = scoreFields(n);
      const test = field(testKey);
      const areaRaw = field(areaKey);
      const valueRaw = field(valueKey);
      if (!test && !areaRaw && !valueRaw) continue;
      const area = STANDARDISED_AREAS.find((a) => a === areaRaw);
      const score = /^\d{1,3}$/.test(valueRaw) ? Number(valueRaw) : NaN;
      if (!test) issue(testKey, "aaScoreTestRequired");
      if (!area) issue(areaKey, "aaScoreAreaRequired");
      if (!(score >= SCORE_MIN && score <= SCORE_MAX)) issue(valueKey, "aaScoreInvalid");
      if (test && area && score >= SCORE_MIN && score <= SCORE_MAX) scores.push({ test, area, score });
    }
    if (!raw.normalWayOfWorking) issue("normalWayOfWorking", "aaNormalWayRequired");
    if (!raw.dataNoticeGiven) issue("dataNoticeGiven", "aaDataNoticeRequired");
    if (!raw.declaration) issue("declaration", "aaDeclarationRequired");
    // Extra time needs the assessor's evidence unless a plan records the need.
    if ((type === "EXTRA_TIME_25" || type === "EXTRA_TIME_OVER_25") && !supportPlan) {
      if (!raw.assessorName) issue("assessorName", "aaAssessorRequired");
      if (!raw.assessorQualification) issue("assessorQualification", "aaQualificationRequired");
      if (!raw.assessmentDate) issue("assessmentDate", "aaAssessmentDateRequired");
      if (scores.length === 0 && !SCORE_ROWS.some((n) => field(`scoreTest${n}`) || field(`scoreValue${n}`)))
        issue("scoreTest1", "aaScoresRequired");
    }
    return {
      candidateId: raw.candidateId,
      series: raw.series,
      type,
      extraTimePercent,
      paperFormat,
      details: raw.details,
      supportPlan,
      assessorName: raw.assessorName,
      assessorQualification: raw.assessorQualification,
      assessmentDate,
      scores,
      normalWayOfWorking: raw.normalWayOfWorking,
      dataNoticeGiven: raw.dataNoticeGiven,
      declaration: raw.declaration,
    };
  });

export type ApplicationInput = z.output<typeof applicationSchema>;

export const WITHDRAW_FIELDS = ["arrangementId"] as const;
export const withdrawSchema = z.object({ arrangementId: id }).strict();

export const DECISION_FIELDS = ["arrangementId", "decision", "comment"] as const;

/** The board's decision on a referred application: approve, or refuse with the reason. */
export const decisionSchema = z
  .object({
    arrangementId: id,
    decision: z.enum(["approve", "refuse"], { error: "aaDecisionRequired" }),
    comment: z.string().trim().max(1000, "aaCommentTooLong").refine(isMultiLine, "aaTextInvalid"),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && !v.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "aaCommentRequired" });
  });

export type DecisionInput = z.output<typeof decisionSchema>;

export const ORDER_FIELDS = ["candidateId", "series", "format", "components"] as const;

/** A modified paper order: a format and the components it is for. */
export const orderSchema = z
  .object({
    candidateId: id,
    series: seriesCode,
    format: z.enum(PAPER_FORMATS, { error: "aaFormatRequired" }),
    components: z
      .array(z.string().max(100).pipe(recordIdSchema), { error: "aaComponentsRequired" })
      .min(1, "aaComponentsRequired")
      .max(50, "aaComponentsRequired")
      .default([]),
  })
  .strict();

export type OrderInput = z.output<typeof orderSchema>;

export const DEADLINE_FIELDS = ["seriesId", "deadlineDate", "deadlineTime"] as const;

/** The board's modified paper deadline of a series: a London date and time, or both blank (none). */
export const deadlineSchema = z
  .object({ seriesId: id, deadlineDate: z.string().max(20), deadlineTime: z.string().max(20) })
  .strict()
  .transform((raw, ctx) => {
    const reading = readLondonDateTime(raw.deadlineDate, raw.deadlineTime);
    if (reading.kind === "problem") {
      ctx.addIssue({
        code: "custom",
        path: [reading.field === "date" ? "deadlineDate" : "deadlineTime"],
        message: reading.problem,
      });
      return z.NEVER;
    }
    return { seriesId: raw.seriesId, deadline: reading.kind === "instant" ? reading.at : null };
  });
