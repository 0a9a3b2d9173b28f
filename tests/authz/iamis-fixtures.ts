// IAMIS fixtures for the authorization matrix: centre A's mark sheets for GCSE Welsh Language
// oracy (9541/01, internally assessed). Saves and imports go to one open sheet in the matrix's
// series, each call for a candidate of its own; each submit gets a sheet of its own (in a series
// of its own, since a centre has one sheet per component and series), as do the submitted sheet
// whose sample is shown and the moderated sheet whose report the board has released.
import { randomBytes } from "node:crypto";
import { createSeries } from "../factories/series";
import { newSeriesCode } from "./board-series-fixtures";
import type { Fixtures } from "./types";

export type IamisFixtures = { componentId: string; specId: string; openSheetId: string };

const cache = new WeakMap<Fixtures, Promise<IamisFixtures>>();

/** The open sheet of the matrix's series (made once per fixture world). */
export function iamisFixtures(fx: Fixtures): Promise<IamisFixtures> {
  let made = cache.get(fx);
  if (!made) {
    made = (async () => {
      const component = await fx.prisma.component.findUniqueOrThrow({ where: { code: "9541/01" } });
      const sheet = await fx.prisma.markSheet.upsert({
        where: {
          centreId_seriesId_componentId: { centreId: fx.centreA.id, seriesId: fx.seriesId, componentId: component.id },
        },
        create: { centreId: fx.centreA.id, seriesId: fx.seriesId, componentId: component.id },
        update: {},
      });
      return { componentId: component.id, specId: component.specificationId, openSheetId: sheet.id };
    })();
    cache.set(fx, made);
  }
  return made;
}

/** A new candidate of centre A entered for Welsh Language in a series: the entry and candidate number. */
export async function newOracyEntry(fx: Fixtures, seriesId = fx.seriesId) {
  const { specId } = await iamisFixtures(fx);
  const candidate = await fx.newCandidate("A");
  const entry = await fx.prisma.entry.create({
    data: { centreId: fx.centreA.id, candidateId: candidate.id, seriesId, specificationId: specId },
  });
  return { entryId: entry.id, candidateNumber: candidate.candidateNumber };
}

/** A new sheet of centre A in a series of its own, with one candidate who has a mark. */
export async function newSheet(fx: Fixtures, status: "OPEN" | "SUBMITTED" | "MODERATED" = "OPEN") {
  const { componentId } = await iamisFixtures(fx);
  const series = await createSeries(fx.prisma, { code: newSeriesCode() });
  const { entryId } = await newOracyEntry(fx, series.id);
  await fx.prisma.mark.create({
    data: {
      entryId,
      componentId,
      source: "CENTRE",
      total: 40,
      updatedAt: new Date("2027-04-01T09:00:00Z"),
      updatedById: fx.userIds.eo!,
    },
  });
  const sheet = await fx.prisma.markSheet.create({
    data: {
      centreId: fx.centreA.id,
      seriesId: series.id,
      componentId,
      status,
      ...(status === "OPEN"
        ? {}
        : { submittedAt: new Date("2027-04-20T09:00:00Z"), submittedById: fx.userIds.eo!, late: false }),
    },
  });
  if (status !== "OPEN") await fx.prisma.markSample.create({ data: { sheetId: sheet.id, entryId } });
  return { sheetId: sheet.id, entryId };
}

/** A moderated sheet of centre A whose report the board released in July 2027; the report's id. */
export async function releasedReport(fx: Fixtures): Promise<string> {
  const { sheetId } = await newSheet(fx, "MODERATED");
  const report = await fx.prisma.moderationReport.create({
    data: {
      sheetId,
      moderatorId: fx.userIds.appointee!,
      sections: { administration: "Work arrived on time.", criteria: "Applied consistently." },
      comments: "Thank you.",
      submittedAt: new Date("2027-06-20T09:00:00Z"),
      releasedAt: new Date("2027-07-01T09:00:00Z"),
    },
  });
  return report.id;
}

/** A save key the grid would make. */
export const saveKey = () => randomBytes(16).toString("hex");
