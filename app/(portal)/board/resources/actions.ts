"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { removeDocument, replaceDocumentFile, uploadDocument } from "@/lib/data/board/resources";
import { changeQuestionPaper, removeQuestionPaper, uploadQuestionPaper } from "@/lib/data/board/question-papers";
import { readLondonDateTime } from "@/lib/board/series-times";
import { KIND_RULES, MAX_YEAR, MIN_YEAR, UPLOAD_FIELD_OF, UPLOAD_KINDS } from "@/lib/board/uploads";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { codeOrEmpty } from "@/lib/validation/codes";
import { recordIdSchema } from "@/lib/validation/ids";
import { isSingleLine } from "@/lib/validation/text";

// Board staff's documents and question papers. The data layer refuses anyone else, checks the
// file (a PDF by its content, within the size limit) and audits; these parse the form and
// translate the answer. A form that does not parse is still sent (as null), so a caller without
// the right is refused before learning anything from the form's errors.

/** A code picked from a list: "" (none), or a code's shape (anything else names nothing). */
const code = (unknownKey: string) =>
  z
    .string()
    .trim()
    .max(40, unknownKey)
    .refine((v) => v === "" || codeOrEmpty(v) !== "", unknownKey);
const title = (requiredKey: string) =>
  z.string().trim().min(1, requiredKey).max(200, "uploadTitleTooLong").refine(isSingleLine, "invalid");
const dateField = z.string().trim().max(20, "uploadDateInvalid");
const timeField = z.string().trim().max(10, "uploadTimeInvalid");

/** A London date and time both given: the instant, or a field error on the one that is wrong. */
function londonInstant(
  date: string,
  time: string,
  ctx: z.RefinementCtx,
  fields: { date: string; time: string },
): Date | null {
  const r = readLondonDateTime(date, time);
  if (r.kind === "blank") return null;
  if (r.kind === "instant") return r.at;
  const message = r.field === "date" ? "uploadDateInvalid" : "uploadTimeInvalid";
  ctx.addIssue({ code: "custom", path: [fields[r.field]], message });
  return null;
}

/** An action's answer to a refusal: codes that say "not you" as they are, reasons on their field. */
function refused(result: Refusal, values: Record<string, string>): ActionState {
  if (result.error === "unauthenticated" || result.error === "forbidden" || result.error === "notFound")
    return { formError: result.error, values };
  const key = messageKeyOf(result);
  const field = UPLOAD_FIELD_OF[key];
  return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
}

// ───────────────────────── documents ─────────────────────────

const DOCUMENT_TEXT = [
  "kind",
  "titleEn",
  "titleCy",
  "specification",
  "series",
  "component",
  "year",
  "language",
  "secure",
  "availableDate",
  "availableTime",
] as const;

const documentSchema = z
  .object({
    kind: z.enum(UPLOAD_KINDS, { error: "uploadKindInvalid" }),
    titleEn: title("uploadTitleEnRequired"),
    titleCy: title("uploadTitleCyRequired"),
    specification: code("uploadSpecificationUnknown"),
    series: code("uploadSeriesUnknown"),
    component: code("uploadComponentUnknown"),
    year: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "uploadYearInvalid")
      .transform(Number)
      .refine((y) => y >= MIN_YEAR && y <= MAX_YEAR, "uploadYearInvalid"),
    language: z.enum(["en", "cy"], { error: "uploadLanguageInvalid" }),
    secure: z.enum(["", "yes"], { error: "invalidChoice" }),
    availableDate: dateField,
    availableTime: timeField,
  })
  .transform((v, ctx) => {
    const rule = KIND_RULES[v.kind];
    const availableFrom = rule.availableFrom
      ? londonInstant(v.availableDate, v.availableTime, ctx, { date: "availableDate", time: "availableTime" })
      : null;
    return {
      kind: v.kind,
      titleEn: v.titleEn,
      titleCy: v.titleCy,
      // What the kind does not use is not kept.
      specification: rule.specification === "required" ? v.specification : "",
      series: rule.series ? v.series : "",
      component: rule.component ? v.component : "",
      year: v.year,
      language: v.language,
      secure: v.secure === "yes",
      availableFrom,
    };
  });

/** Uploads a document; on success, back to the list. */
export async function uploadDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, [...DOCUMENT_TEXT, "file"])) return { formError: "tampered" };
  const values = Object.fromEntries(DOCUMENT_TEXT.map((k) => [k, text(formData, k)]));
  const parsed = documentSchema.safeParse(values);
  const result = await uploadDocument(parsed.success ? parsed.data : null, formData.get("file"));
  if (!result.ok) {
    if (!parsed.success && result.error === "invalid") return { fieldErrors: fieldErrorsOf(parsed.error), values };
    return refused(result, values);
  }
  revalidatePath("/board/resources");
  redirect("/board/resources?done=uploaded");
}

/** Replaces a document's file. */
export async function replaceDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["resourceId", "file"])) return { formError: "tampered" };
  const id = recordIdSchema.safeParse(text(formData, "resourceId"));
  const result = await replaceDocumentFile(id.success ? id.data : "", formData.get("file"));
  if (!result.ok) return refused(result, {});
  revalidatePath("/board/resources");
  redirect("/board/resources?done=replaced");
}

/** Removes a document, once the box is ticked. */
export async function removeDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["resourceId", "confirm"])) return { formError: "tampered" };
  const id = recordIdSchema.safeParse(text(formData, "resourceId"));
  const result = await removeDocument(id.success ? id.data : "", text(formData, "confirm") === "yes");
  if (!result.ok) return refused(result, {});
  revalidatePath("/board/resources");
  redirect("/board/resources?done=removed");
}

// ───────────────────────── question papers ─────────────────────────

const PAPER_TEXT = ["series", "component", "availableDate", "availableTime", "replace"] as const;

const paperSchema = z
  .object({
    series: code("uploadSeriesUnknown"),
    component: code("uploadComponentUnknown"),
    availableDate: dateField,
    availableTime: timeField,
    replace: z.enum(["", "yes"], { error: "invalidChoice" }),
  })
  .transform((v, ctx) => {
    if (!v.availableDate && !v.availableTime)
      ctx.addIssue({ code: "custom", path: ["availableDate"], message: "uploadDateInvalid" });
    const availableAt = londonInstant(v.availableDate, v.availableTime, ctx, {
      date: "availableDate",
      time: "availableTime",
    });
    return { series: v.series, component: v.component, availableAt, replace: v.replace === "yes" };
  });

/** Where the question papers page of a series is. */
const papersPage = (series: string, done: string) => {
  const s = codeOrEmpty(series);
  return `/board/resources/question-papers?${s ? `series=${encodeURIComponent(s)}&` : ""}done=${done}`;
};

/** Uploads (or, when asked, replaces) a component's question paper for a series. */
export async function uploadQuestionPaperAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, [...PAPER_TEXT, "file"])) return { formError: "tampered" };
  const values = Object.fromEntries(PAPER_TEXT.map((k) => [k, text(formData, k)]));
  const parsed = paperSchema.safeParse(values);
  const input =
    parsed.success && parsed.data.availableAt ? { ...parsed.data, availableAt: parsed.data.availableAt } : null;
  const result = await uploadQuestionPaper(input, formData.get("file"));
  if (!result.ok) {
    if (!parsed.success && result.error === "invalid") return { fieldErrors: fieldErrorsOf(parsed.error), values };
    return refused(result, values);
  }
  revalidatePath("/board/resources/question-papers");
  redirect(papersPage(values.series, result.replaced ? "paperReplaced" : "paperUploaded"));
}

const changeSchema = z.object({ availableDate: dateField, availableTime: timeField }).transform((v, ctx) => {
  if (!v.availableDate && !v.availableTime)
    ctx.addIssue({ code: "custom", path: ["availableDate"], message: "uploadDateInvalid" });
  return londonInstant(v.availableDate, v.availableTime, ctx, { date: "availableDate", time: "availableTime" });
});

/** Changes a paper's time, and its file when one is sent. */
export async function changeQuestionPaperAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["paperId", "series", "availableDate", "availableTime", "file"]))
    return { formError: "tampered" };
  const values = { availableDate: text(formData, "availableDate"), availableTime: text(formData, "availableTime") };
  const id = recordIdSchema.safeParse(text(formData, "paperId"));
  const parsed = changeSchema.safeParse(values);
  const input = parsed.success && parsed.data ? { availableAt: parsed.data } : null;
  const result = await changeQuestionPaper(id.success ? id.data : "", input, formData.get("file"));
  if (!result.ok) {
    if (!parsed.success && result.error === "invalid") return { fieldErrors: fieldErrorsOf(parsed.error), values };
    return refused(result, values);
  }
  revalidatePath("/board/resources/question-papers");
  redirect(papersPage(text(formData, "series"), "paperChanged"));
}

/** Removes a question paper, once the box is ticked. */
export async function removeQuestionPaperAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["paperId", "series", "confirm"])) return { formError: "tampered" };
  const id = recordIdSchema.safeParse(text(formData, "paperId"));
  const result = await removeQuestionPaper(id.success ? id.data : "", text(formData, "confirm") === "yes");
  if (!result.ok) return refused(result, {});
  revalidatePath("/board/resources/question-papers");
  redirect(papersPage(text(formData, "series"), "paperRemoved"));
}
