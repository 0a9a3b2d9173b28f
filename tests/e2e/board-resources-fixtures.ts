// The end-to-end world of the board's question papers (tests/e2e/board-resources.spec.ts),
// created before the server starts: a series of its own (January 2026, earlier than every other,
// so no other test's default series changes) with no question papers, and a centre of its own
// (68190) with one candidate entered for GCSE Latin in it and an exams officer who signs in only
// at pinned January 2026 times (so their authenticator steps never meet anyone else's).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { uciCheckLetter } from "../../lib/validation/entries";
import { londonTime } from "../../lib/time";
import { createCentre } from "../factories/centres";
import { createSeries } from "../factories/series";
import { createUser } from "../factories/users";

export const PAPERS = {
  series: { code: "2026-01", nameEn: "January 2026", nameCy: "Ionawr 2026" },
  /** Results day Thursday 5 March 2026. */
  resultsDay: new Date(Date.UTC(2026, 2, 5)),
  centre: "68190",
  eo: { email: "clock.eo@68190.test" },
  candidateNumber: "0001",
  specification: "9521",
  component: "9521/01",
} as const;

export async function seedBoardResourcesFixtures(prisma: PrismaClient, password: string) {
  const centre = await createCentre(prisma, {
    number: PAPERS.centre,
    nameEn: "Papers Test College",
    nameCy: "Coleg Prawf Papurau",
  });
  const spec = await prisma.specification.findUniqueOrThrow({ where: { code: PAPERS.specification } });
  const series = await createSeries(prisma, {
    ...PAPERS.series,
    resultsDay: PAPERS.resultsDay,
    entryDeadline: londonTime(2025, 10, 21, 23, 59, 59),
  });
  const first12 = `${PAPERS.centre}25000${PAPERS.candidateNumber.slice(-2)}`;
  const candidate = await prisma.candidate.create({
    data: {
      centreId: centre.id,
      candidateNumber: PAPERS.candidateNumber,
      uci: first12 + uciCheckLetter(first12),
      firstName: "Gwenllian",
      lastName: "Papurau",
      dateOfBirth: new Date(Date.UTC(2010, 8, 14)),
    },
  });
  await prisma.entry.create({
    data: { centreId: centre.id, candidateId: candidate.id, seriesId: series.id, specificationId: spec.id },
  });
  await createUser(prisma, {
    email: PAPERS.eo.email,
    role: "EXAMS_OFFICER",
    centre,
    name: "Heledd Papurau",
    password,
    mfa: "totp",
  });
}
