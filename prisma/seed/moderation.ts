// The demo moderator's work in June 2027 (prisma/seed.ts), on the internally assessed component
// they are allocated (prisma/seed/past-series.ts): at 68101 a submitted sheet whose sample awaits
// moderation; at 68102 a moderated sheet with a submitted, released report and an adjustment; and
// a second moderator, led by the demo moderator, whose allocation at 68103 the demo moderator
// can work as. Runs after the IAMIS sheets (prisma/seed/iamis.ts, where present) and makes what
// it needs itself: a sheet already there in another state is left as it is.
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { adjusted, adjustmentFor, drawSample } from "@/lib/marks/moderation";
import type { Db } from "@/tests/factories";

export const TEAM_MODERATOR_EMAIL = "moderator.team@appointees.test";

const DAY = 86_400_000;

/** A centre's mark for a candidate, the same on every run: spread over the component's range, one absent. */
function centreMark(candidateNumber: string, index: number, max: number): { total: number | null; code: "A" | null } {
  if (index === 3) return { total: null, code: "A" };
  const n = Number(candidateNumber);
  return { total: Math.round(max * 0.3) + ((n * 7 + index * 3) % Math.round(max * 0.6)), code: null };
}

type Demo = { tx: Db; series: Series; componentId: string; maxMark: number; specificationId: string; now: Date };

/** The centre's marks for every candidate not marked yet, and the sheet submitted with its sample. */
async function submittedSheet(d: Demo, centre: Centre, submittedAt: Date) {
  const { tx, series, componentId, maxMark, specificationId } = d;
  const existing = await tx.markSheet.findUnique({
    where: { centreId_seriesId_componentId: { centreId: centre.id, seriesId: series.id, componentId } },
  });
  if (existing) return existing;
  const eo = await tx.user.findFirst({ where: { centreId: centre.id, role: "EXAMS_OFFICER" }, select: { id: true } });
  if (!eo) return null;
  const entries = await tx.entry.findMany({
    where: { centreId: centre.id, seriesId: series.id, specificationId, status: "ENTERED" },
    select: { id: true, candidate: { select: { candidateNumber: true } } },
    orderBy: { candidate: { candidateNumber: "asc" } },
  });
  if (!entries.length) return null;
  const marked: { id: string; mark: number }[] = [];
  for (const [i, e] of entries.entries()) {
    const mark = centreMark(e.candidate.candidateNumber, i, maxMark);
    const row = await tx.mark.upsert({
      where: { entryId_componentId_source: { entryId: e.id, componentId, source: "CENTRE" } },
      create: { entryId: e.id, componentId, source: "CENTRE", ...mark, updatedAt: submittedAt, updatedById: eo.id },
      update: {},
    });
    if (row.total !== null && row.code === null) marked.push({ id: e.id, mark: row.total });
  }
  const sheet = await tx.markSheet.create({
    data: {
      centreId: centre.id,
      seriesId: series.id,
      componentId,
      status: "SUBMITTED",
      submittedAt,
      submittedById: eo.id,
    },
  });
  await tx.markSample.createMany({ data: drawSample(marked).map((s) => ({ sheetId: sheet.id, entryId: s.id })) });
  return sheet;
}

/** The moderator's marks for the sample (the centre's, 4 higher), the report submitted and released. */
async function moderate(d: Demo, sheetId: string, moderatorId: string, tolerance: number) {
  const { tx, componentId, maxMark, now } = d;
  const sample = await tx.markSample.findMany({ where: { sheetId }, select: { entryId: true } });
  const centre = await tx.mark.findMany({
    where: { componentId, source: "CENTRE", entryId: { in: sample.map((s) => s.entryId) } },
  });
  const pairs: { centre: number; moderated: number }[] = [];
  for (const c of centre) {
    if (c.total === null) continue;
    const moderated = adjusted(c.total, 4, maxMark);
    pairs.push({ centre: c.total, moderated });
    await tx.mark.upsert({
      where: { entryId_componentId_source: { entryId: c.entryId, componentId, source: "MODERATOR" } },
      create: {
        entryId: c.entryId,
        componentId,
        source: "MODERATOR",
        total: moderated,
        updatedAt: new Date(now.getTime() - 4 * DAY),
        updatedById: moderatorId,
      },
      update: {},
    });
  }
  const { meanDifference, adjustment } = adjustmentFor(pairs, tolerance);
  await tx.moderationReport.create({
    data: {
      sheetId,
      moderatorId,
      sections: {
        administration: "The marks and the sample arrived on time, with every cover sheet signed.",
        criteria:
          "The marking criteria were applied consistently, but a little harshly across the range: the moderated marks are higher.",
        annotation: "Annotation was clear and referred to the criteria throughout.",
        advice: "Use the exemplar material to check the upper bands before marking next year.",
      },
      comments: "Thank you for a well-organised submission.",
      meanDifference,
      adjustment,
      submittedAt: new Date(now.getTime() - 3 * DAY),
      releasedAt: new Date(now.getTime() - DAY),
    },
  });
  await tx.markSheet.update({ where: { id: sheetId }, data: { status: "MODERATED" } });
  return adjustment;
}

export async function seedModeration(
  tx: Db,
  centres: Centre[],
  series: Series,
  log: (line: string) => void,
  now: Date = new Date(),
): Promise<void> {
  const moderator = await tx.user.findUnique({ where: { email: "moderator@appointees.test" }, select: { id: true } });
  if (!moderator) return;
  const allocation = await tx.allocation.findFirst({
    where: { kind: "MODERATOR", appointeeId: moderator.id, seriesId: series.id },
    include: { component: true },
  });
  if (!allocation) return;
  const { component } = allocation;
  const tolerance =
    (
      await tx.seriesComponent.findUnique({
        where: { seriesId_componentId: { seriesId: series.id, componentId: component.id } },
      })
    )?.tolerance ?? 2;
  const d: Demo = {
    tx,
    series,
    componentId: component.id,
    maxMark: component.maxMark,
    specificationId: component.specificationId,
    now,
  };
  const at = (n: string) => centres.find((c) => c.number === n);
  const [c1, c2, c3] = [at("68101"), at("68102"), at("68103")];

  if (c1) {
    const sheet = await submittedSheet(d, c1, new Date(now.getTime() - 10 * DAY));
    if (sheet) log(`Moderation: ${component.code} at ${c1.number} is ${sheet.status.toLowerCase()}`);
  }
  if (c2) {
    const sheet = await submittedSheet(d, c2, new Date(now.getTime() - 12 * DAY));
    const report = sheet ? await tx.moderationReport.findUnique({ where: { sheetId: sheet.id } }) : null;
    if (sheet?.status === "SUBMITTED" && !report) {
      const adjustment = await moderate(d, sheet.id, moderator.id, tolerance);
      log(`Moderation: ${component.code} at ${c2.number} moderated, report released, adjustment ${adjustment}`);
    }
  }

  // A second moderator of the component (a demo account), led by the demo moderator, at 68103.
  const member = await tx.user.findUnique({ where: { email: TEAM_MODERATOR_EMAIL }, select: { id: true } });
  if (!c3 || !member || (await tx.allocation.findFirst({ where: { appointeeId: member.id, seriesId: series.id } })))
    return;
  await tx.allocation.create({
    data: {
      kind: "MODERATOR",
      appointeeId: member.id,
      seriesId: series.id,
      componentId: component.id,
      teamLeaderId: moderator.id,
      centres: { create: [{ centreId: c3.id }] },
    },
  });
  const sheet = await submittedSheet(d, c3, new Date(now.getTime() - 8 * DAY));
  log(
    `Moderation: ${TEAM_MODERATOR_EMAIL} moderates ${component.code} at ${c3.number} (${sheet?.status.toLowerCase() ?? "no sheet"}), led by moderator@appointees.test`,
  );
}
