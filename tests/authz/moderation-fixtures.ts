// Moderation fixtures for the authorization matrix (lib/data/marks/moderation*.ts,
// lib/data/board/moderation.ts): centre A's submitted sheets for GCSE Welsh Language oracy
// (9541/01, internally assessed), each in a series of its own (a centre has one sheet per
// component and series) with the matrix's moderator allocated to centre A there. The pages read
// one such sheet; every change gets a sheet of its own, so no caller's change meets the next.
import { createSeries } from "../factories/series";
import { newSeriesCode } from "./board-series-fixtures";
import type { Fixtures } from "./types";

export type ModerationSheet = {
  allocationId: string;
  sheetId: string;
  seriesId: string;
  componentId: string;
  entryId: string;
};

const T = new Date("2027-05-20T09:00:00Z");

/**
 * A new series in which centre A's sheet for 9541/01 is submitted, with one sampled candidate
 * (centre's mark 40) and the matrix's moderator allocated to centre A; optionally the moderator's
 * mark already entered, or the report already submitted.
 */
export async function newModerationSheet(
  fx: Fixtures,
  state: "awaiting" | "marked" | "reported" = "awaiting",
): Promise<ModerationSheet> {
  const { prisma } = fx;
  const component = await prisma.component.findUniqueOrThrow({ where: { code: "9541/01" } });
  const series = await createSeries(prisma, { code: newSeriesCode() });
  const candidate = await fx.newCandidate("A");
  const entry = await prisma.entry.create({
    data: {
      centreId: fx.centreA.id,
      candidateId: candidate.id,
      seriesId: series.id,
      specificationId: component.specificationId,
    },
  });
  const mark = (source: "CENTRE" | "MODERATOR", total: number, by: string) =>
    prisma.mark.create({
      data: { entryId: entry.id, componentId: component.id, source, total, updatedAt: T, updatedById: by },
    });
  await mark("CENTRE", 40, fx.userIds.eo!);
  const sheet = await prisma.markSheet.create({
    data: {
      centreId: fx.centreA.id,
      seriesId: series.id,
      componentId: component.id,
      status: state === "reported" ? "MODERATED" : "SUBMITTED",
      submittedAt: T,
      submittedById: fx.userIds.eo!,
    },
  });
  await prisma.markSample.create({ data: { sheetId: sheet.id, entryId: entry.id } });
  const allocation = await prisma.allocation.create({
    data: {
      kind: "MODERATOR",
      appointeeId: fx.userIds.moderator!,
      seriesId: series.id,
      componentId: component.id,
      centres: { create: [{ centreId: fx.centreA.id }] },
    },
  });
  if (state !== "awaiting") await mark("MODERATOR", 41, fx.userIds.moderator!);
  if (state === "reported")
    await prisma.moderationReport.create({
      data: {
        sheetId: sheet.id,
        moderatorId: fx.userIds.moderator!,
        sections: { administration: "On time.", criteria: "Consistent.", annotation: "Clear.", advice: "Carry on." },
        meanDifference: 1,
        adjustment: 0,
        submittedAt: T,
      },
    });
  return {
    allocationId: allocation.id,
    sheetId: sheet.id,
    seriesId: series.id,
    componentId: component.id,
    entryId: entry.id,
  };
}

const shared = new WeakMap<Fixtures, Promise<ModerationSheet>>();

/** The sheet the pages read (made once per fixture world; never changed by a row). */
export function moderationFixtures(fx: Fixtures): Promise<ModerationSheet> {
  let made = shared.get(fx);
  if (!made) {
    made = newModerationSheet(fx);
    shared.set(fx, made);
  }
  return made;
}

/** The report form as the moderator fills it in. */
export const REPORT_FORM = {
  section_administration: "Marks arrived on time.",
  section_criteria: "The criteria were applied consistently.",
  section_annotation: "Clear annotation.",
  section_advice: "Keep it up.",
  comments: "",
};
