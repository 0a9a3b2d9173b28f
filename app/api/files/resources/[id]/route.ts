import { getSession } from "@/lib/auth/session";
import { openResource } from "@/lib/data/resources/resources";
import { deniedResponse, errorResponse, fileResponse } from "@/lib/files/response";

// A past paper, mark scheme, support document or circular. The DAL checks the permission and,
// for secure items, the centre's entries; another centre's secure item is "not found".
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session || session.pendingStep) return errorResponse(401);
  const opened = await openResource(session, (await params).id);
  return opened.ok ? fileResponse(opened) : deniedResponse(opened.reason);
}
