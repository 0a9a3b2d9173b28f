"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { toggleFavourite } from "@/lib/data/services/favourites";

export async function toggleFavouriteAction(formData: FormData) {
  const session = await requireUser();
  await toggleFavourite(
    {
      id: session.userId,
      role: session.user.role,
      grants: session.user.grants.map((g) => g.permission),
      appointeeType: session.user.appointeeType,
    },
    String(formData.get("key") ?? ""),
  );
  revalidatePath("/");
}
