import "server-only";
import { getPrisma } from "@/lib/db/client";
import { authorize, releaseFor, type Result } from "@/lib/auth/authorize";
import type { Role } from "@/lib/generated/prisma/enums";

// The welcome panel on All Services (docs/product-rules.md, "All Services"): who the caller is,
// and the dates that matter now — the next mark deadline (a centre's deadline, so only for centre
// accounts: appointees and board staff have none), and the results of the next series still to
// release. The caller's own release comes from the one release rule (lib/auth/release.ts).

const WEEK_MS = 7 * 86_400_000;

export type WelcomePanel = {
  /** The server's clock, for countdowns. */
  at: Date;
  name: string;
  email: string;
  role: Role;
  centre: { number: string; nameEn: string; nameCy: string } | null;
  deadline: { code: string; titleEn: string; titleCy: string; markDeadline: Date } | null;
  series: {
    nameEn: string;
    nameCy: string;
    /** Results day (08:00): public. */
    releaseAt: Date;
    /** The restricted release, when the caller's results come then; otherwise null. */
    restrictedReleaseAt: Date | null;
  } | null;
};

export async function welcomePanel(): Promise<Result<WelcomePanel>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const [series, deadline] = await Promise.all([
    db.series.findFirst({
      where: { releaseAt: { gt: new Date(at.getTime() - WEEK_MS) } },
      orderBy: { releaseAt: "asc" },
      select: { nameEn: true, nameCy: true, releaseAt: true, restrictedReleaseAt: true },
    }),
    caller.centreId ? nextMarkDeadline(at) : null,
  ]);
  const from = series ? releaseFor(caller, series, "results") : null;
  return {
    ok: true,
    at,
    name: caller.name,
    email: caller.email,
    role: caller.role,
    centre: caller.centre,
    deadline,
    series: series
      ? {
          nameEn: series.nameEn,
          nameCy: series.nameCy,
          releaseAt: series.releaseAt,
          restrictedReleaseAt:
            from && from.getTime() === series.restrictedReleaseAt.getTime() ? series.restrictedReleaseAt : null,
        }
      : null,
  };
}

type Deadline = NonNullable<WelcomePanel["deadline"]>;

/**
 * The next mark deadline of an internally assessed component. A series' own deadline for a
 * component (SeriesComponent, set by the board) comes first; the component's own deadline counts
 * only where no series still to release has set one for it.
 */
async function nextMarkDeadline(at: Date): Promise<Deadline | null> {
  const db = getPrisma();
  const component = { select: { code: true, titleEn: true, titleCy: true } } as const;
  const [perSeries, own] = await Promise.all([
    db.seriesComponent.findFirst({
      where: { markDeadline: { gt: at }, component: { internallyAssessed: true } },
      orderBy: { markDeadline: "asc" },
      select: { markDeadline: true, component },
    }),
    db.component.findFirst({
      where: {
        internallyAssessed: true,
        markDeadline: { gt: at },
        inSeries: { none: { markDeadline: { not: null }, series: { releaseAt: { gt: at } } } },
      },
      orderBy: { markDeadline: "asc" },
      select: { code: true, titleEn: true, titleCy: true, markDeadline: true },
    }),
  ]);
  const candidates: Deadline[] = [
    ...(perSeries?.markDeadline ? [{ ...perSeries.component, markDeadline: perSeries.markDeadline }] : []),
    ...(own?.markDeadline ? [{ ...own, markDeadline: own.markDeadline }] : []),
  ];
  candidates.sort((a, b) => a.markDeadline.getTime() - b.markDeadline.getTime());
  return candidates[0] ?? null;
}
