import { NextResponse } from "next/server";
import { unstable_update } from "@/lib/auth/config";
import { getSession } from "@/lib/auth/session";

// Re-issues the session cookie's claims from the live session (after the EO or an Admin changed
// this account's role or permissions), then continues to `to` — a path on this site only.
export async function GET(request: Request) {
  const session = await getSession();
  if (!session || session.pendingStep) return NextResponse.json({ error: "unauthorised" }, { status: 401 });
  const to = new URL(request.url).searchParams.get("to") ?? "/";
  const safe = to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/";
  await unstable_update({});
  return NextResponse.redirect(new URL(safe, request.url), { headers: { "Cache-Control": "no-store" } });
}
