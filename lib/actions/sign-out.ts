"use server";

import { signOut } from "@/lib/auth/config";
import { signOutSession } from "@/lib/data/identity/security";

/** Sign-out revokes the Session row (when there is one), then clears the cookie. */
export async function signOutAction() {
  await signOutSession();
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
}
