"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toggleFavourite } from "@/lib/data/services/favourites";
import { refusedPage } from "@/lib/http/page";
import { hasUnexpectedFields } from "@/lib/validation/action-state";

const schema = z.object({ key: z.string().trim().min(1).max(100) });

/** Pins or unpins a tile on All Services (a tile of a service the caller cannot use is "not found"). */
export async function toggleFavouriteAction(formData: FormData) {
  const parsed = schema.safeParse({ key: formData.get("key") ?? "" });
  const key = parsed.success && !hasUnexpectedFields(formData, ["key"]) ? parsed.data.key : "";
  const result = await toggleFavourite(key);
  if (!result.ok && result.error === "unauthenticated") await refusedPage(result);
  if (result.ok) revalidatePath("/");
}
