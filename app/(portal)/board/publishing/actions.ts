"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { requestResultsLoad } from "@/lib/data/board/publishing";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";

// Board staff: load a checked results import. The data layer refuses anyone else and any import
// that is not ready; the load itself runs in the background.

export async function loadResultsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["importJobId"])) return { formError: "tampered" };
  const id = recordIdSchema.safeParse(text(formData, "importJobId"));
  if (!id.success) return { formError: "notFound" };
  const result = await requestResultsLoad(id.data);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/board/publishing");
  redirect(`/board/publishing?series=${encodeURIComponent(result.seriesCode)}&job=${id.data}`);
}
