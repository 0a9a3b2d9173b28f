// The world of the moderation tests (tests/integration/moderation*.test.ts): GCSE Welsh Language
// Oracy (9541/01, internally assessed, out of 60) in June 2027, moderators with allocations, a
// team leader, and centres whose sheets are made as each test needs them (fresh ones, so no test
// sees another's changes).
import { randomBytes } from "node:crypto";
import type { PrismaClient, Series } from "@/lib/generated/prisma/client";
import type { MarkSheetStatus } from "@/lib/generated/prisma/enums";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { drawSample } from "@/lib/marks/moderation";
import { createCentre } from "../../factories/centres";
import { createQualificationCatalogue } from "../../factories/catalogue";
import { createSeries } from "../../factories/series";
import { makeUci } from "../../factories/candidates";
import { createUser } from "../../factories/users";
import { signedInActor } from "../../utils/sessions";

export const T0 = new Date("2027-06-10T09:00:00Z");
export const COMPONENT = "9541/01";
export const MAX = 60;

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(prisma: PrismaClient) {
  await createQualificationCatalogue(prisma);
  const series: Series = await createSeries(prisma);
  const component = await prisma.component.findUniqueOrThrow({ where: { code: COMPONENT } });
  const spec = component.specificationId;
  const actor = (options: Parameters<typeof signedInActor>[1]) => signedInActor(prisma, options, T0);
  const moderator = () => actor({ role: "APPOINTEE", centre: null, appointeeType: "MODERATOR" });

  const board = await actor({ role: "BOARD_STAFF", centre: null });
  const examiner = await actor({ role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
  /** Moderates centres as they are added; led by `leader`. */
  const mod = await moderator();
  const leader = await moderator();
  /** Another moderator of the component, leading no one. */
  const other = await moderator();
  const allocate = (who: LiveSession, teamLeaderId: string | null = null) =>
    prisma.allocation.create({
      data: {
        kind: "MODERATOR",
        appointeeId: who.user.id,
        seriesId: series.id,
        componentId: component.id,
        teamLeaderId,
      },
    });
  const allocations = {
    mod: await allocate(mod, leader.user.id),
    leader: await allocate(leader),
    other: await allocate(other),
  };

  let serial = 0;
  /**
   * A new centre, allocated to `to`, with one candidate entered per mark (the centre's marks:
   * a number, "A"/"W", or null for none) and its sheet in `status`; a submitted sheet has its
   * sample drawn as the centre's submission does. Also the centre's exams officer.
   */
  async function centreWithSheet(
    to: keyof typeof allocations,
    marks: (number | "A" | "W" | null)[],
    status: MarkSheetStatus = "SUBMITTED",
  ) {
    const centre = await createCentre(prisma);
    await prisma.allocationCentre.create({ data: { allocationId: allocations[to].id, centreId: centre.id } });
    const eo = await createUser(prisma, { role: "EXAMS_OFFICER", centre, mfa: "totp" });
    const entries: { entryId: string; mark: number | "A" | "W" | null }[] = [];
    for (const mark of marks) {
      serial++;
      const candidate = await prisma.candidate.create({
        data: {
          centreId: centre.id,
          candidateNumber: String(1000 + serial),
          uci: makeUci(centre.number, "24", serial),
          firstName: "Cand",
          lastName: `Number ${serial}`,
          dateOfBirth: new Date(Date.UTC(2011, 0, 1)),
        },
      });
      const entry = await prisma.entry.create({
        data: { centreId: centre.id, candidateId: candidate.id, seriesId: series.id, specificationId: spec },
      });
      if (mark !== null)
        await prisma.mark.create({
          data: {
            entryId: entry.id,
            componentId: component.id,
            source: "CENTRE",
            total: typeof mark === "number" ? mark : null,
            code: typeof mark === "string" ? mark : null,
            updatedAt: T0,
            updatedById: eo.id,
          },
        });
      entries.push({ entryId: entry.id, mark });
    }
    const sheet = await prisma.markSheet.create({
      data: {
        centreId: centre.id,
        seriesId: series.id,
        componentId: component.id,
        status,
        submittedAt: status === "OPEN" ? null : T0,
        submittedById: status === "OPEN" ? null : eo.id,
      },
    });
    const marked = entries.flatMap((e) => (typeof e.mark === "number" ? [{ id: e.entryId, mark: e.mark }] : []));
    const sample = status === "OPEN" ? [] : drawSample(marked);
    await prisma.markSample.createMany({ data: sample.map((s) => ({ sheetId: sheet.id, entryId: s.id })) });
    return { centre, eo, sheet, entries, sample: sample.map((s) => ({ entryId: s.id, centre: s.mark })) };
  }

  return { series, component, board, examiner, mod, leader, other, allocations, centreWithSheet, actor };
}

let keys = 0;
/** A save as the grid sends it: a fresh key, the version it is based on, a total or a code. */
export function gridSave(total: number | "A" | "W" | null, baseVersion = 0) {
  keys++;
  return {
    key: `mod-${keys}-${randomBytes(8).toString("hex")}`,
    baseVersion,
    value: typeof total === "string" ? { code: total, total: null, items: null } : { code: null, total, items: null },
  };
}

/** The report as a moderator writes it, every section filled in. */
export const REPORT = {
  sections: {
    administration: "Marks and forms arrived on time.",
    criteria: "The criteria were applied consistently.",
    annotation: "Annotation was clear.",
    advice: "Keep the good practice.",
  },
  comments: "Thank you.",
};
