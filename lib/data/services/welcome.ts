import "server-only";
import { getPrisma } from "@/lib/db/client";

/** The dates that matter now for the welcome panel: the next series still to release, and the next mark deadline. */
export async function dashboardDates(now: Date) {
  const db = getPrisma();
  const series = await db.series.findFirst({
    where: { releaseAt: { gt: new Date(now.getTime() - 7 * 86_400_000) } },
    orderBy: { releaseAt: "asc" },
  });
  const deadline = await db.component.findFirst({
    where: { internallyAssessed: true, markDeadline: { gt: now } },
    orderBy: { markDeadline: "asc" },
    select: { code: true, titleEn: true, titleCy: true, markDeadline: true },
  });
  return { series, deadline };
}
