// Examiner mark input fixtures for the authorization matrix: the matrix's examiner ("appointee")
// is allocated GCSE Latin's first paper (9521/01, eight questions) at centre A in the matrix's
// series, with the component's conference agenda. Each save, submit and board change gets a
// candidate (and mark) of its own, so no caller's call meets another's.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makePdf, writeStoredFile } from "../factories/files";
import { QUESTIONS } from "../factories/catalogue";
import type { Fixtures } from "./types";

export type EmiFixtures = { allocationId: string; componentId: string; specId: string; agendaId: string };

/** Latin 9521/01's questions' maxima: a full mark. */
export const LATIN_ITEMS = QUESTIONS["9521/01"].max;

const cache = new WeakMap<Fixtures, Promise<EmiFixtures>>();

/** The examiner's allocation and the agenda (made once per fixture world). */
export function emiFixtures(fx: Fixtures): Promise<EmiFixtures> {
  let made = cache.get(fx);
  if (!made) {
    made = (async () => {
      const component = await fx.prisma.component.findUniqueOrThrow({ where: { code: "9521/01" } });
      const appointeeId = fx.userIds.appointee!;
      const allocation = await fx.prisma.allocation.upsert({
        where: {
          kind_appointeeId_seriesId_componentId: {
            kind: "EXAMINER",
            appointeeId,
            seriesId: fx.seriesId,
            componentId: component.id,
          },
        },
        create: {
          kind: "EXAMINER",
          appointeeId,
          seriesId: fx.seriesId,
          componentId: component.id,
          centres: { create: { centreId: fx.centreA.id } },
        },
        update: {},
      });
      process.env.FILES_DIR ??= mkdtempSync(path.join(tmpdir(), "porth-matrix-files-"));
      const fileKey = `agendas/matrix/9521-01.pdf`;
      await writeStoredFile(fileKey, await makePdf("Matrix conference agenda"));
      const agenda = await fx.prisma.resource.create({
        data: {
          kind: "AGENDA",
          titleEn: "Matrix agenda",
          titleCy: "Agenda'r matrics",
          year: 2027,
          secure: true,
          fileKey,
          seriesId: fx.seriesId,
          componentId: component.id,
        },
      });
      return {
        allocationId: allocation.id,
        componentId: component.id,
        specId: component.specificationId,
        agendaId: agenda.id,
      };
    })();
    cache.set(fx, made);
  }
  return made;
}

/** A new candidate of centre A entered for Latin in the series (so in the allocation); the entry id. */
export async function newLatinEntry(fx: Fixtures): Promise<string> {
  const { specId } = await emiFixtures(fx);
  const candidate = await fx.newCandidate("A");
  const entry = await fx.prisma.entry.create({
    data: { centreId: fx.centreA.id, candidateId: candidate.id, seriesId: fx.seriesId, specificationId: specId },
  });
  return entry.id;
}

/** A new allocated candidate with the examiner's full mark, entered (version 1), submitted or not. */
export async function newExaminerMark(fx: Fixtures, submitted: boolean): Promise<{ entryId: string } & EmiFixtures> {
  const world = await emiFixtures(fx);
  const entryId = await newLatinEntry(fx);
  await fx.prisma.mark.create({
    data: {
      entryId,
      componentId: world.componentId,
      source: "EXAMINER",
      total: 100,
      items: LATIN_ITEMS,
      updatedAt: new Date("2027-07-01T09:00:00Z"),
      updatedById: fx.userIds.appointee!,
      submittedAt: submitted ? new Date("2027-07-02T09:00:00Z") : null,
    },
  });
  return { entryId, ...world };
}

let keys = 0;
/** A fresh idempotency key per save. */
export function emiSaveKey(): string {
  keys += 1;
  return `matrix-emi-key-${String(keys).padStart(6, "0")}`;
}
