import { openQuestionPaper } from "@/lib/data/resources/question-papers";
import { fileResponse } from "@/lib/files/response";
import { refusalResponse } from "@/lib/http/responses";

// Today's question paper: EO/Admins, on the exam day from the release time, for components the
// centre has entries for. The data layer checks all of it and audits every download.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const opened = await openQuestionPaper((await params).id);
  return opened.ok ? fileResponse(opened) : refusalResponse(opened);
}
