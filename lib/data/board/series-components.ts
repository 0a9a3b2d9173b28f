import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";

// A series' settings for its components (SeriesComponent), where none is set the component's own
// applies. The mark deadline: for an internally assessed component, when centres' marks are due
// (late after it); for a written one, when examiners' marks are due (shown to the examiners
// allocated to it). The moderation tolerance in marks: internally assessed components only, as
// only they are moderated. Only board staff; the change is audited as an edit of the series
// ("series.updated"), with each changed value's old and new value.

export type ComponentSettingInput = { componentId: string; markDeadline: Date | null; tolerance: number | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Change = Record<string, { from: string | number | null; to: string | number | null }>;

export async function saveSeriesComponents(
  seriesId: string,
  settings: ComponentSettingInput[],
): Promise<Result<{ changed: number }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (typeof seriesId !== "string" || !Array.isArray(settings)) return refuse("notFound");
  const { caller, at } = auth;
  const ids = settings.map((s) => s.componentId);
  if (new Set(ids).size !== ids.length) return refuse("invalid");
  for (const s of settings) {
    if (s.tolerance !== null && !(Number.isInteger(s.tolerance) && s.tolerance >= 0))
      return refuse("invalid", "seriesToleranceInvalid");
    if (s.markDeadline !== null && !(s.markDeadline instanceof Date && Number.isFinite(s.markDeadline.getTime())))
      return refuse("invalid", "seriesDateInvalid");
  }
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx) => {
    const series = await tx.series.findUnique({ where: { id: seriesId } });
    if (!series) return refuse("notFound");
    const components = await tx.component.findMany({ where: { id: { in: ids } } });
    if (components.length !== ids.length) return refuse("notFound");
    const byId = new Map(components.map((c) => [c.id, c]));
    for (const s of settings) {
      const component = byId.get(s.componentId)!;
      if (!component.internallyAssessed && s.tolerance !== null)
        return refuse("invalid", "seriesToleranceWrittenComponent");
      if (s.tolerance !== null && s.tolerance > component.maxMark) return refuse("invalid", "seriesToleranceTooLarge");
      // Marks are in before anyone's results are released.
      if (s.markDeadline && s.markDeadline.getTime() >= series.restrictedReleaseAt.getTime())
        return refuse("invalid", "seriesMarkDeadlineAfterRelease");
    }
    const existing = new Map(
      (await tx.seriesComponent.findMany({ where: { seriesId, componentId: { in: ids } } })).map((r) => [
        r.componentId,
        r,
      ]),
    );
    const changes: Record<string, Change> = {};
    for (const s of settings) {
      const before = existing.get(s.componentId);
      const from = { markDeadline: before?.markDeadline ?? null, tolerance: before?.tolerance ?? null };
      const change: Change = {};
      if (iso(from.markDeadline) !== iso(s.markDeadline))
        change.markDeadline = { from: iso(from.markDeadline), to: iso(s.markDeadline) };
      if (from.tolerance !== s.tolerance) change.tolerance = { from: from.tolerance, to: s.tolerance };
      if (Object.keys(change).length === 0) continue;
      // A row, once made, stays (with nulls): the series still lists the component.
      await tx.seriesComponent.upsert({
        where: { seriesId_componentId: { seriesId, componentId: s.componentId } },
        create: { seriesId, componentId: s.componentId, markDeadline: s.markDeadline, tolerance: s.tolerance },
        update: { markDeadline: s.markDeadline, tolerance: s.tolerance },
      });
      changes[byId.get(s.componentId)!.code] = change;
    }
    const changed = Object.keys(changes).length;
    if (changed > 0)
      await audit(tx, {
        action: "series.updated",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: { seriesId, code: series.code, components: changes },
        at,
      });
    return { ok: true as const, changed };
  });
}
