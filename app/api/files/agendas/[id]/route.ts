import { openAgenda } from "@/lib/data/marks/emi-agenda";
import { fileResponse } from "@/lib/files/response";
import { refusalResponse } from "@/lib/http/responses";

// A component's conference agenda, for the examiners allocated to it in its series. The data
// layer checks the caller is one of them; anyone else's ask is refused.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const opened = await openAgenda((await params).id);
  return opened.ok ? fileResponse(opened) : refusalResponse(opened);
}
