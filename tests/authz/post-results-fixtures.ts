// Post-results fixtures for the authorization matrix: at centre A, a candidate with
// recorded script consent and one without, each entered for GCSE Latin (9521) in the June 2027
// series with a result and a marked script in a throwaway file store.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { makePdf, writeStoredFile } from "../factories/files";

export type PostResultsFixtures = {
  /** Centre A's entry (with a result) of the consenting candidate. */
  entryId: string;
  /** The marked script of the consenting candidate. */
  scriptId: string;
  /** The marked script of a candidate whose consent is not recorded. */
  scriptWithoutConsentId: string;
};

export async function buildPostResultsFixtures(
  prisma: PrismaClient,
  input: { centreAId: string; seriesId: string },
): Promise<PostResultsFixtures> {
  // Never write test files into the developer's .data/files.
  process.env.FILES_DIR ??= mkdtempSync(path.join(tmpdir(), "porth-matrix-files-"));
  const spec = await prisma.specification.findUniqueOrThrow({ where: { code: "9521" }, include: { components: true } });
  const make = async (n: number, scriptConsent: boolean) => {
    const candidate = await prisma.candidate.create({
      data: {
        centreId: input.centreAId,
        candidateNumber: String(9960 + n),
        uci: `POSTFIX00000${n}`,
        firstName: "Post",
        lastName: `Results ${n}`,
        dateOfBirth: new Date(Date.UTC(2011, 0, 1)),
        scriptConsent,
      },
    });
    const entry = await prisma.entry.create({
      data: {
        centreId: input.centreAId,
        candidateId: candidate.id,
        seriesId: input.seriesId,
        specificationId: spec.id,
      },
    });
    const result = await prisma.result.create({
      data: { entryId: entry.id, centreId: input.centreAId, seriesId: input.seriesId, grade: "6" },
    });
    const component = spec.components[0];
    const componentResult = await prisma.componentResult.create({
      data: { resultId: result.id, componentId: component.id, mark: 40, itemMarks: [40] },
    });
    const fileKey = `scripts/matrix/${candidate.candidateNumber}.pdf`;
    await writeStoredFile(fileKey, await makePdf(`Matrix script ${candidate.candidateNumber}`));
    const script = await prisma.script.create({
      data: {
        centreId: input.centreAId,
        candidateId: candidate.id,
        entryId: entry.id,
        componentResultId: componentResult.id,
        componentId: component.id,
        fileKey,
      },
    });
    return { entryId: entry.id, scriptId: script.id };
  };
  const withConsent = await make(1, true);
  const without = await make(2, false);
  return { entryId: withConsent.entryId, scriptId: withConsent.scriptId, scriptWithoutConsentId: without.scriptId };
}
