"use server";

import { now } from "@/lib/clock";
import { signOut } from "@/lib/auth/config";
import { getSession, requestInfo } from "@/lib/auth/session";
import { revokeSession } from "@/lib/data/identity/sessions";

/** Sign-out revokes the Session row, then clears the cookie. */
export async function signOutAction() {
  const session = await getSession();
  if (session)
    await revokeSession({
      userId: session.userId,
      sessionId: session.id,
      reason: "sign-out",
      request: await requestInfo(),
      now: now(),
    });
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
}
