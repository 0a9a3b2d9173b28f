import { NextResponse } from "next/server";
import { unstable_update } from "@/lib/auth/config";
import { currentSession } from "@/lib/data/identity/security";
import { NO_STORE, refusalResponse } from "@/lib/http/responses";
import { safeRedirectTarget } from "@/lib/http/safe-redirect";

// Re-issues the session cookie's claims from the live session (after the EO or an Admin changed
// this account's role or permissions), then continues to `to` — a path on this site only.
export async function GET(request: Request) {
  const session = await currentSession();
  if (!session.ok) return refusalResponse(session);
  const to = safeRedirectTarget(new URL(request.url).searchParams.get("to"));
  await unstable_update({});
  // A relative Location: the browser resolves it against the address it used, so the session
  // cookie goes with it whatever host name the server believes it has.
  return new NextResponse(null, { status: 307, headers: { ...NO_STORE, Location: to } });
}
