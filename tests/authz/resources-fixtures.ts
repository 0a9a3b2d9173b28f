// Resources and question papers for the authorization matrix (docs/product-rules.md
// ("Resources and question papers")): centre A has an entry for GCSE Latin (9521) in the June
// 2027 series; a secure Latin past paper and the 9521/01 question paper (exam 09:00 on Mon 7
// June 2027, released at 08:30 London = 07:30Z) sit in a throwaway file store. Centre B has no
// entries, so its EO must get "not found".
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { londonTime } from "@/lib/time";
import { makePdf, writeStoredFile } from "../factories/files";

export type ResourceFixtures = {
  /** A secure PAST_PAPER of 9521, which centre A (and not centre B) has entries for. */
  secureResourceId: string;
  /** The 9521/01 question paper of the series. */
  questionPaperId: string;
  /** A time on the exam day after the paper's release (ISO). */
  questionPaperAt: string;
};

export async function buildResourceFixtures(
  prisma: PrismaClient,
  input: { centreAId: string; seriesId: string },
): Promise<ResourceFixtures> {
  // Never write test files into the developer's .data/files.
  process.env.FILES_DIR ??= mkdtempSync(path.join(tmpdir(), "porth-matrix-files-"));
  const spec = await prisma.specification.findUniqueOrThrow({ where: { code: "9521" }, include: { components: true } });
  const component = spec.components.find((c) => c.code === "9521/01")!;
  const candidate = await prisma.candidate.create({
    data: {
      centreId: input.centreAId,
      candidateNumber: "9951",
      uci: "RESFIX0000001",
      firstName: "Resource",
      lastName: "Fixture",
      dateOfBirth: new Date(Date.UTC(2011, 0, 1)),
    },
  });
  await prisma.entry.create({
    data: { centreId: input.centreAId, candidateId: candidate.id, seriesId: input.seriesId, specificationId: spec.id },
  });
  const resourceKey = "resources/matrix/9521-secure-past-paper.pdf";
  const paperKey = "question-papers/matrix/9521-01.pdf";
  await writeStoredFile(resourceKey, await makePdf("Matrix secure past paper"));
  await writeStoredFile(paperKey, await makePdf("Matrix question paper"));
  const resource = await prisma.resource.create({
    data: {
      specificationId: spec.id,
      kind: "PAST_PAPER",
      titleEn: "Latin secure paper",
      titleCy: "Papur diogel Lladin",
      year: 2026,
      secure: true,
      fileKey: resourceKey,
    },
  });
  const paper = await prisma.questionPaper.upsert({
    where: { seriesId_componentId: { seriesId: input.seriesId, componentId: component.id } },
    create: {
      seriesId: input.seriesId,
      componentId: component.id,
      availableAt: londonTime(2027, 6, 7, 8, 30),
      fileKey: paperKey,
    },
    update: { availableAt: londonTime(2027, 6, 7, 8, 30), fileKey: paperKey },
  });
  return { secureResourceId: resource.id, questionPaperId: paper.id, questionPaperAt: "2027-06-07T08:00:00.000Z" };
}
