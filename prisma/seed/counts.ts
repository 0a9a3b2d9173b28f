// What the database holds, as prisma/seed.ts reports it, and whether the demo board is there.
import type { Db } from "@/tests/factories";

export type DemoCounts = Record<
  | "centres"
  | "users"
  | "candidates"
  | "entries"
  | "results"
  | "componentResults"
  | "gradeBoundaries"
  | "resources"
  | "questionPapers"
  | "specifications"
  | "components"
  | "scripts"
  | "reviewRequests",
  number
>;

export async function countRows(prisma: Db): Promise<DemoCounts> {
  const [
    centres,
    users,
    candidates,
    entries,
    results,
    componentResults,
    gradeBoundaries,
    resources,
    questionPapers,
    specifications,
    components,
    scripts,
    reviewRequests,
  ] = await Promise.all([
    prisma.centre.count(),
    prisma.user.count(),
    prisma.candidate.count(),
    prisma.entry.count(),
    prisma.result.count(),
    prisma.componentResult.count(),
    prisma.gradeBoundary.count(),
    prisma.resource.count(),
    prisma.questionPaper.count(),
    prisma.specification.count(),
    prisma.component.count(),
    prisma.script.count(),
    prisma.reviewRequest.count(),
  ]);
  return {
    centres,
    users,
    candidates,
    entries,
    results,
    componentResults,
    gradeBoundaries,
    resources,
    questionPapers,
    specifications,
    components,
    scripts,
    reviewRequests,
  };
}

/** True when the demo board is already in the database. */
export async function demoExists(prisma: Db): Promise<boolean> {
  const [centre, board] = await Promise.all([
    prisma.centre.findUnique({ where: { number: "68101" }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: "board@board.test" }, select: { id: true } }),
  ]);
  return Boolean(centre && board);
}
