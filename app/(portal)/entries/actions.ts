"use server";

import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { enterCandidate, withdrawEntry } from "@/lib/data/entries/entries";
import { confirmImport, previewImport, type ImportPreview } from "@/lib/data/entries/import";
import { IMPORT_MAX_BYTES } from "@/lib/validation/entries";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

const ENTER_FIELDS = ["seriesId", "candidateId", "specificationId"] as const;

export async function enterCandidateAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ late: boolean }>> {
  await requireUser();
  if (hasUnexpectedFields(formData, ENTER_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(ENTER_FIELDS.map((k) => [k, text(formData, k)]));
  const result = await enterCandidate(values);
  if (!result.ok)
    return "fieldErrors" in result ? { fieldErrors: result.fieldErrors, values } : { formError: messageKeyOf(result) };
  revalidatePath("/entries");
  return { ok: true, late: result.late };
}

export async function withdrawEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["entryId"])) return { formError: "tampered" };
  const result = await withdrawEntry(text(formData, "entryId"));
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/entries");
  return { ok: true };
}

export type ImportState = ActionState<{
  stage: "upload" | "preview" | "done";
  series: string;
  csv: string;
  preview: ImportPreview;
  created: number;
  late: boolean;
}>;

/** Refusals that are about the caller or the series, not the file: shown above the form. */
const NOT_ABOUT_THE_FILE = new Set(["unauthenticated", "forbidden", "notFound"]);

async function readCsv(formData: FormData): Promise<string | { error: string }> {
  const file = formData.get("file");
  if (file && typeof file === "object" && "arrayBuffer" in file && file.size > 0) {
    if (file.size > IMPORT_MAX_BYTES) return { error: "importTooLarge" };
    return new TextDecoder("utf-8").decode(await file.arrayBuffer());
  }
  const csv = text(formData, "csv");
  if (!csv) return { error: "importFileRequired" };
  return csv;
}

/**
 * Step 1: read the uploaded file and show every row with its errors; nothing is saved. The
 * CSV text travels to step 2 in a hidden field and is checked again there from scratch.
 */
async function previewStep(formData: FormData): Promise<ImportState> {
  const series = text(formData, "series");
  const csv = await readCsv(formData);
  // The data layer decides who may import, before it looks at the file (an empty one too).
  const result = await previewImport(series, typeof csv === "string" ? csv : "");
  if (!result.ok && NOT_ABOUT_THE_FILE.has(result.error)) return { formError: messageKeyOf(result) };
  if (typeof csv !== "string") return { stage: "upload", series, fieldErrors: { file: [csv.error] } };
  if (!result.ok) return { stage: "upload", series, fieldErrors: { file: [messageKeyOf(result)] } };
  return { stage: "preview", series, csv, preview: result.preview };
}

/** Step 2: all rows or none, checked again inside the transaction. */
async function confirmStep(formData: FormData): Promise<ImportState> {
  const series = text(formData, "series");
  const csv = text(formData, "csv");
  const result = await confirmImport(series, csv);
  if (!result.ok && NOT_ABOUT_THE_FILE.has(result.error)) return { formError: messageKeyOf(result) };
  if (!result.ok) {
    if (result.reason === "importHasErrors" && "preview" in result)
      return { stage: "preview", series, csv, preview: result.preview, formError: "importHasErrors" };
    return { stage: "upload", series, fieldErrors: { file: [messageKeyOf(result)] } };
  }
  revalidatePath("/entries");
  return { stage: "done", series, created: result.created, late: result.late };
}

/** The import form: intent=preview checks the file, intent=confirm saves it (all or nothing). */
export async function importEntriesAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["intent", "series", "file", "csv"])) return { formError: "tampered" };
  return text(formData, "intent") === "confirm" ? confirmStep(formData) : previewStep(formData);
}
