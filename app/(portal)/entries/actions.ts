"use server";

import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { requireUser } from "@/lib/auth/session";
import { accessOf } from "@/lib/data/entries/access";
import {
  confirmImport,
  enterCandidate,
  previewImport,
  withdrawEntry,
  type ImportPreview,
} from "@/lib/data/entries/entries";
import { IMPORT_MAX_BYTES } from "@/lib/validation/entries";
import { text, type ActionState } from "@/lib/validation/action-state";

export async function enterCandidateAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ late: boolean }>> {
  const session = await requireUser();
  if (accessOf(session).access !== "make") return { formError: "forbidden" };
  const values = {
    seriesId: text(formData, "seriesId"),
    candidateId: text(formData, "candidateId"),
    specificationId: text(formData, "specificationId"),
  };
  const fieldErrors: Record<string, string[]> = {};
  if (!values.candidateId) fieldErrors.candidateId = ["candidateRequired"];
  if (!values.specificationId) fieldErrors.specificationId = ["specificationRequired"];
  if (!values.seriesId) return { formError: "notFound" };
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  const result = await enterCandidate(session, values, now());
  if (!result.ok)
    return "fieldErrors" in result ? { fieldErrors: result.fieldErrors, values } : { formError: result.formError };
  revalidatePath("/entries");
  return { ok: true, late: result.late };
}

export async function withdrawEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (accessOf(session).access !== "make") return { formError: "forbidden" };
  const result = await withdrawEntry(session, text(formData, "entryId"), now());
  if (!result.ok) return { formError: result.formError };
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
async function previewImport_(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const session = await requireUser();
  if (accessOf(session).access !== "make") return { formError: "forbidden" };
  const series = text(formData, "series");
  const csv = await readCsv(formData);
  if (typeof csv !== "string") return { stage: "upload", series, fieldErrors: { file: [csv.error] } };
  if (csv.length > IMPORT_MAX_BYTES) return { stage: "upload", series, fieldErrors: { file: ["importTooLarge"] } };
  const result = await previewImport(session, series, csv);
  if (!result.ok) {
    if (result.formError === "forbidden" || result.formError === "notFound") return { formError: result.formError };
    return { stage: "upload", series, fieldErrors: { file: [result.formError] } };
  }
  return { stage: "preview", series, csv, preview: result.preview };
}

/** Step 2: all rows or none, checked again inside the transaction. */
async function confirmImport_(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const session = await requireUser();
  if (accessOf(session).access !== "make") return { formError: "forbidden" };
  const series = text(formData, "series");
  const csv = text(formData, "csv");
  if (!csv) return { stage: "upload", series, fieldErrors: { file: ["importFileRequired"] } };
  const result = await confirmImport(session, series, csv, now());
  if (!result.ok) {
    if (result.formError === "forbidden" || result.formError === "notFound") return { formError: result.formError };
    if (result.formError === "importHasErrors")
      return { stage: "preview", series, csv, preview: result.preview, formError: "importHasErrors" };
    return { stage: "upload", series, fieldErrors: { file: [result.formError] } };
  }
  revalidatePath("/entries");
  return { stage: "done", series, created: result.created, late: result.late };
}

/** The import form: intent=preview checks the file, intent=confirm saves it (all or nothing). */
export async function importEntriesAction(prev: ImportState, formData: FormData): Promise<ImportState> {
  return text(formData, "intent") === "confirm" ? confirmImport_(prev, formData) : previewImport_(prev, formData);
}
