import { openResource } from "@/lib/data/resources/resources";
import { fileResponse } from "@/lib/files/response";
import { refusalResponse } from "@/lib/http/responses";

// A past paper, mark scheme, support document or circular. The data layer checks the permission
// and, for secure items, the centre's entries; another centre's secure item is "not found".
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const opened = await openResource((await params).id);
  return opened.ok ? fileResponse(opened) : refusalResponse(opened);
}
