// The end-to-end world of Publishing results (tests/e2e/board-publishing.spec.ts), created before
// the server starts: a series of its own (March 2029, later than every other, so no other test's
// default series changes), three candidates of centre 68101 entered for GCSE Latin in it with no
// results yet, and a teacher with the results permission who signs in only at pinned 2029 times.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { uciCheckLetter } from "../../lib/validation/entries";
import { londonTime } from "../../lib/time";
import { createSeries } from "../factories/series";
import { createUser } from "../factories/users";

export const PUBLISHING = {
  series: { code: "2029-03", nameEn: "March 2029", nameCy: "Mawrth 2029" },
  /** Results day Thu 15 March 2029 (GMT): teachers see results from 08:00 (08:00Z). */
  resultsDay: new Date(Date.UTC(2029, 2, 15)),
  candidates: ["8801", "8802", "8803"],
  specification: "9521",
  teacher: { email: "publishing.teacher@68101.test" },
} as const;

export async function seedPublishingFixtures(prisma: PrismaClient, password: string) {
  const centre = await prisma.centre.findUniqueOrThrow({ where: { number: "68101" } });
  const spec = await prisma.specification.findUniqueOrThrow({ where: { code: PUBLISHING.specification } });
  const series = await createSeries(prisma, {
    ...PUBLISHING.series,
    resultsDay: PUBLISHING.resultsDay,
    entryDeadline: londonTime(2029, 1, 21, 23, 59, 59),
  });
  for (const [i, number] of PUBLISHING.candidates.entries()) {
    const first12 = `681012988${number.slice(1)}`;
    const candidate = await prisma.candidate.create({
      data: {
        centreId: centre.id,
        candidateNumber: number,
        uci: first12 + uciCheckLetter(first12),
        firstName: ["Anwen", "Bryn", "Catrin"][i],
        lastName: "Cyhoeddi",
        dateOfBirth: new Date(Date.UTC(2013, 4, 1 + i)),
      },
    });
    await prisma.entry.create({
      data: { centreId: centre.id, candidateId: candidate.id, seriesId: series.id, specificationId: spec.id },
    });
  }
  await createUser(prisma, {
    email: PUBLISHING.teacher.email,
    role: "USER",
    centre,
    name: "Mererid Cyhoeddi",
    password,
    mfa: "totp",
    grants: ["results"],
  });
}
