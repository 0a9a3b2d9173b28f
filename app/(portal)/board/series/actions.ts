"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { createSeries, updateSeries } from "@/lib/data/board/series";
import { saveSeriesComponents } from "@/lib/data/board/series-components";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import { COMPONENT_FIELD, readComponentSettings, SERIES_FIELDS, seriesSchema } from "@/lib/validation/series";

// Board staff: series and results days. The data layer refuses anyone else and holds the
// rules (release order, the confirmation once results are loaded); these validate the post
// and translate its answer.

/** The field a refusal of the series form is shown beside; anything else is a form error. */
const FIELD_OF: Record<string, string> = {
  seriesCodeTaken: "code",
  seriesCodeFormat: "code",
  seriesRestrictedAfterRelease: "restrictedDate",
  seriesEntryDeadlineAfterRelease: "entryDeadlineDate",
  seriesReleaseNotConfirmed: "confirmRelease",
};

function refused(result: Refusal, values: Record<string, string>): ActionState {
  const key = messageKeyOf(result);
  const field = FIELD_OF[key];
  return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
}

const valuesOf = (formData: FormData) => Object.fromEntries(SERIES_FIELDS.map((k) => [k, text(formData, k)]));

export async function createSeriesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, SERIES_FIELDS)) return { formError: "tampered" };
  const values = valuesOf(formData);
  const parsed = seriesSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await createSeries(parsed.data);
  if (!result.ok) return refused(result, values);
  revalidatePath("/board/series");
  redirect(`/board/series/${result.seriesId}?done=created`);
}

const EDIT_FIELDS = ["seriesId", "confirmRelease", ...SERIES_FIELDS] as const;

export async function updateSeriesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, EDIT_FIELDS)) return { formError: "tampered" };
  const values = valuesOf(formData);
  const id = recordIdSchema.safeParse(text(formData, "seriesId"));
  if (!id.success) return { formError: "notFound", values };
  const parsed = seriesSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await updateSeries(id.data, parsed.data, text(formData, "confirmRelease") === "yes");
  if (!result.ok) return refused(result, values);
  revalidatePath("/board/series");
  revalidatePath(`/board/series/${id.data}`);
  redirect(`/board/series/${id.data}?done=${result.changed.length ? "updated" : "unchanged"}`);
}

export async function saveSeriesComponentsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const keys = [...formData.keys()].filter((k) => !k.startsWith("$ACTION"));
  if (keys.some((k) => k !== "seriesId" && !COMPONENT_FIELD.test(k))) return { formError: "tampered" };
  const values = Object.fromEntries(keys.filter((k) => k !== "seriesId").map((k) => [k, text(formData, k)]));
  const id = recordIdSchema.safeParse(text(formData, "seriesId"));
  if (!id.success) return { formError: "notFound", values };
  const read = readComponentSettings(values);
  if (!read.ok) return { fieldErrors: read.fieldErrors, values };
  const result = await saveSeriesComponents(id.data, read.settings);
  if (!result.ok) return { formError: messageKeyOf(result), values };
  revalidatePath(`/board/series/${id.data}`);
  redirect(`/board/series/${id.data}?done=${result.changed ? "componentsSaved" : "unchanged"}#components`);
}
