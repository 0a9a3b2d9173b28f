import { downloadScript } from "@/lib/data/post-results/scripts";
import { fileResponse } from "@/lib/files/response";
import { refusalResponse } from "@/lib/http/responses";

// A candidate's marked script: the data layer checks the scripts permission, the caller's
// centre, the candidate's consent and the series' release to the caller, and audits every
// download and refusal.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const opened = await downloadScript((await params).id);
  return opened.ok ? fileResponse(opened) : refusalResponse(opened);
}
