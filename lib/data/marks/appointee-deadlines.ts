import "server-only";
import { authorize, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";

// An appointee's own mark deadlines on the home page (docs/marks.md, "Examiner mark input"):
// for each of their allocations in a series not yet released, the series' deadline for the
// component (set by the board), else the component's own. Never a centre's deadlines: an
// appointee has no centre. Other accounts have none here.

export type AppointeeDeadline = {
  code: string;
  titleEn: string;
  titleCy: string;
  series: { nameEn: string; nameCy: string };
  markDeadline: Date;
};

export async function myMarkDeadlines(): Promise<Result<{ deadlines: AppointeeDeadline[] }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (caller.role !== "APPOINTEE") return { ok: true, deadlines: [] };
  const db = getPrisma();
  const allocations = await db.allocation.findMany({
    where: { appointeeId: caller.userId, series: { releaseAt: { gt: at } } },
    select: {
      seriesId: true,
      componentId: true,
      series: { select: { nameEn: true, nameCy: true } },
      component: { select: { code: true, titleEn: true, titleCy: true, markDeadline: true } },
    },
  });
  const set = allocations.length
    ? await db.seriesComponent.findMany({
        where: { OR: allocations.map((a) => ({ seriesId: a.seriesId, componentId: a.componentId })) },
        select: { seriesId: true, componentId: true, markDeadline: true },
      })
    : [];
  const deadlines: AppointeeDeadline[] = [];
  for (const a of allocations) {
    const own = set.find((s) => s.seriesId === a.seriesId && s.componentId === a.componentId)?.markDeadline;
    const markDeadline = own ?? a.component.markDeadline;
    if (!markDeadline) continue;
    const { code, titleEn, titleCy } = a.component;
    deadlines.push({ code, titleEn, titleCy, series: a.series, markDeadline });
  }
  deadlines.sort((x, y) => x.markDeadline.getTime() - y.markDeadline.getTime() || x.code.localeCompare(y.code));
  return { ok: true, deadlines };
}
