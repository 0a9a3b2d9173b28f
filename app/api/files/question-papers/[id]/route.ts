import { now } from "@/lib/clock";
import { getSession, requestInfo } from "@/lib/auth/session";
import { openQuestionPaper } from "@/lib/data/resources/question-papers";
import { deniedResponse, errorResponse, fileResponse } from "@/lib/files/response";

// Today's question paper: EO/Admins, on the exam day from the release time, for components the
// centre has entries for. The DAL audits every download.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session || session.pendingStep) return errorResponse(401);
  const opened = await openQuestionPaper(session, (await params).id, now(), await requestInfo());
  return opened.ok ? fileResponse(opened) : deniedResponse(opened.reason);
}
