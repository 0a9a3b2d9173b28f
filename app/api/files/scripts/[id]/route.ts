import { now } from "@/lib/clock";
import { getSession, requestInfo } from "@/lib/auth/session";
import { downloadScript } from "@/lib/data/post-results/scripts";
import { errorResponse, fileResponse } from "@/lib/files/response";

// A candidate's marked script: the scripts permission, the caller's centre, the candidate's
// consent, and the series released to the caller. The DAL audits every download and refusal.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session || session.pendingStep) return errorResponse(401);
  const opened = await downloadScript(session, (await params).id, await requestInfo(), now());
  return opened.ok ? fileResponse(opened) : errorResponse(opened.status);
}
