"use server";

import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { confirmMarksImport, previewMarksImport, type MarkImportPreview } from "@/lib/data/marks/iamis-import";
import { MARKS_IMPORT_MAX_BYTES } from "@/lib/marks/iamis";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

// Importing a sheet's marks from a CSV file: intent=preview checks the file and shows every row
// (nothing saved); intent=confirm checks it again and saves every row or none.

export type MarksImportState = ActionState<{
  stage: "upload" | "preview" | "done";
  sheetId: string;
  csv: string;
  preview: MarkImportPreview;
  saved: number;
  changed: number;
}>;

/** Refusals about the caller or the sheet, not the file: shown above the form. */
const NOT_ABOUT_THE_FILE = new Set(["unauthenticated", "forbidden", "notFound", "iamisSheetLocked"]);

async function readCsv(formData: FormData): Promise<string | { error: string }> {
  const file = formData.get("file");
  if (file && typeof file === "object" && "arrayBuffer" in file && file.size > 0) {
    if (file.size > MARKS_IMPORT_MAX_BYTES) return { error: "importTooLarge" };
    return new TextDecoder("utf-8").decode(await file.arrayBuffer());
  }
  const csv = text(formData, "csv");
  return csv || { error: "importFileRequired" };
}

export async function importMarksAction(_prev: MarksImportState, formData: FormData): Promise<MarksImportState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["intent", "sheetId", "file", "csv"])) return { formError: "tampered" };
  const sheetId = text(formData, "sheetId");
  if (text(formData, "intent") === "confirm") {
    const csv = text(formData, "csv");
    const result = await confirmMarksImport(sheetId, csv);
    if (!result.ok && NOT_ABOUT_THE_FILE.has(messageKeyOf(result))) return { formError: messageKeyOf(result) };
    if (!result.ok) {
      if (result.reason === "importHasErrors" && "preview" in result && result.preview)
        return { stage: "preview", sheetId, csv, preview: result.preview, formError: "importHasErrors" };
      return { stage: "upload", sheetId, fieldErrors: { file: [messageKeyOf(result)] } };
    }
    revalidatePath(`/iamis/${sheetId}`);
    revalidatePath("/iamis");
    return { stage: "done", sheetId, saved: result.saved, changed: result.changed };
  }
  const csv = await readCsv(formData);
  // The data layer decides who may import before it looks at the file (an empty one too).
  const result = await previewMarksImport(sheetId, typeof csv === "string" ? csv : "");
  if (!result.ok && NOT_ABOUT_THE_FILE.has(messageKeyOf(result))) return { formError: messageKeyOf(result) };
  if (typeof csv !== "string") return { stage: "upload", sheetId, fieldErrors: { file: [csv.error] } };
  if (!result.ok) return { stage: "upload", sheetId, fieldErrors: { file: [messageKeyOf(result)] } };
  return { stage: "preview", sheetId, csv, preview: result.preview };
}
