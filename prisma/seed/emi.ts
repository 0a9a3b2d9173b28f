// The demo examiner's work in June 2027 (prisma/seed.ts): their allocation (made in
// past-series.ts) has marks submitted, marks entered and not yet submitted, one candidate part
// marked, and the rest still to mark; the series' mark deadline for the component; and the
// component's conference agenda, uploaded as the board would (docs/marks.md).
import type { Series } from "@/lib/generated/prisma/client";
import { londonTime } from "@/lib/time";
import { createRng, makePdf, writeStoredFile, type Db } from "@/tests/factories";

const EXAMINER = "examiner@appointees.test";
const SUBMITTED = 6;
const ENTERED = 5;

export async function seedExaminerMarks(
  tx: Db,
  series: Series,
  options: { writeFiles: boolean; log: (line: string) => void },
): Promise<void> {
  const examiner = await tx.user.findUnique({ where: { email: EXAMINER }, select: { id: true } });
  if (!examiner) return;
  const allocation = await tx.allocation.findFirst({
    where: { kind: "EXAMINER", appointeeId: examiner.id, seriesId: series.id },
    include: {
      component: { include: { questions: { orderBy: { number: "asc" } }, specification: true } },
      centres: true,
      candidates: true,
    },
  });
  if (!allocation) return;
  const { component } = allocation;
  if ((await tx.mark.count({ where: { componentId: component.id, source: "EXAMINER" } })) > 0) return;

  const entries = await tx.entry.findMany({
    where: {
      seriesId: series.id,
      specificationId: component.specificationId,
      status: "ENTERED",
      OR: [
        { centreId: { in: allocation.centres.map((c) => c.centreId) } },
        { id: { in: allocation.candidates.map((c) => c.entryId) } },
      ],
    },
    select: { id: true },
    orderBy: [{ centre: { number: "asc" } }, { candidate: { candidateNumber: "asc" } }],
  });
  const rng = createRng(`emi:${series.code}:${component.code}`);
  const maxima = component.questions.map((q) => q.maxMark);
  const markOf = () => {
    if (!maxima.length) return { total: Math.round(component.maxMark * (0.3 + rng.next() * 0.6)), items: null };
    const items = maxima.map((m) => Math.round(m * (0.25 + rng.next() * 0.7)));
    return { total: items.reduce((a, b) => a + b, 0), items };
  };
  const enteredAt = londonTime(2027, 6, 24, 19, 30);
  const submittedAt = londonTime(2027, 6, 25, 21, 5);
  const marked = entries.slice(0, SUBMITTED + ENTERED);
  for (const [i, entry] of marked.entries()) {
    // One absentee among the submitted marks.
    const value = i === 2 ? { total: null, items: null, code: "A" } : { ...markOf(), code: null };
    await tx.mark.create({
      data: {
        entryId: entry.id,
        componentId: component.id,
        source: "EXAMINER",
        total: value.total,
        code: value.code,
        items: value.items ?? undefined,
        updatedAt: enteredAt,
        updatedById: examiner.id,
        submittedAt: i < SUBMITTED ? submittedAt : null,
      },
    });
  }
  // One candidate part marked: the first two questions only.
  const part = entries[SUBMITTED + ENTERED];
  if (part && maxima.length > 2) {
    await tx.mark.create({
      data: {
        entryId: part.id,
        componentId: component.id,
        source: "EXAMINER",
        items: maxima.map((m, i) => (i < 2 ? Math.round(m / 2) : null)),
        updatedAt: enteredAt,
        updatedById: examiner.id,
      },
    });
  }
  await tx.seriesComponent.upsert({
    where: { seriesId_componentId: { seriesId: series.id, componentId: component.id } },
    create: { seriesId: series.id, componentId: component.id, markDeadline: londonTime(2027, 7, 3, 23, 59) },
    update: { markDeadline: londonTime(2027, 7, 3, 23, 59) },
  });

  const fileKey = `agendas/${series.code}/${component.code.replace("/", "-")}-en.pdf`;
  const spec = component.specification;
  if (options.writeFiles) {
    await writeStoredFile(
      fileKey,
      await makePdf(`${spec.titleEn} ${component.titleEn} (${component.code})`, "", [
        `Examiners' standardisation conference agenda, ${series.nameEn}`,
        "1. Welcome and the paper as sat",
        "2. The mark scheme, question by question",
        "3. Practice scripts and the marks agreed",
        "4. Entering and submitting marks in Electronic Mark Input",
      ]),
    );
  }
  await tx.resource.create({
    data: {
      kind: "AGENDA",
      titleEn: `${spec.titleEn} ${component.titleEn} (${component.code}): conference agenda, ${series.nameEn}`,
      titleCy: `${spec.titleCy} ${component.titleCy} (${component.code}): agenda'r gynhadledd, ${series.nameCy}`,
      year: 2027,
      secure: true,
      fileKey,
      seriesId: series.id,
      componentId: component.id,
    },
  });
  options.log(
    `Examiner marks for ${component.code}: ${Math.min(SUBMITTED, marked.length)} submitted, ${Math.max(0, marked.length - SUBMITTED)} entered, ${Math.max(0, entries.length - marked.length)} to mark; conference agenda`,
  );
}
