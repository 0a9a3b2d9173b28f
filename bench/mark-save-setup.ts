// The world of bench/mark-save.ts, made in the benchmark's own copy of the tree (it copies this
// file there and runs it after `prisma/seed.ts`): a teacher of the demo centre 68101 with the
// IAMIS permission, and an open mark sheet of an internally assessed component with its
// candidates' marks cleared. Prints one line of JSON: what the benchmark needs.
//
//   npx tsx bench/mark-save-setup.ts '{"password":"…","totpSecret":"…"}'
import { register } from "node:module";

// As in bench/results-day-setup.ts: "server-only" is an empty module here.
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : n(s, c); }`,
  )}`,
);

export type MarkSaveWorld = {
  teacher: string;
  sheetId: string;
  maxMark: number;
  entryIds: string[];
};

async function main(options: { password: string; totpSecret: string }): Promise<MarkSaveWorld> {
  const { getPrisma, closePrisma } = await import("../lib/db/client");
  const { createUser } = await import("../tests/factories");
  const prisma = getPrisma();
  try {
    const centre = await prisma.centre.findUniqueOrThrow({ where: { number: "68101" } });
    const series = await prisma.series.findUniqueOrThrow({ where: { code: "2027-06" } });
    // The internally assessed component with the most candidates entered at the centre.
    const components = await prisma.component.findMany({ where: { internallyAssessed: true } });
    let best: { component: (typeof components)[number]; entryIds: string[] } | null = null;
    for (const component of components) {
      const entries = await prisma.entry.findMany({
        where: {
          centreId: centre.id,
          seriesId: series.id,
          specificationId: component.specificationId,
          status: "ENTERED",
        },
        select: { id: true },
      });
      if (!best || entries.length > best.entryIds.length) best = { component, entryIds: entries.map((e) => e.id) };
    }
    if (!best?.entryIds.length) throw new Error("no internally assessed component with entries at 68101 in 2027-06");
    const where = { centreId: centre.id, seriesId: series.id, componentId: best.component.id };
    const sheet = await prisma.markSheet.upsert({
      where: { centreId_seriesId_componentId: where },
      create: where,
      update: { status: "OPEN", submittedAt: null, submittedById: null },
    });
    await prisma.markSample.deleteMany({ where: { sheetId: sheet.id } });
    await prisma.mark.deleteMany({
      where: { componentId: best.component.id, source: "CENTRE", entryId: { in: best.entryIds } },
    });
    const teacher = "bench-marks-teacher@bench.test";
    await createUser(prisma, {
      email: teacher,
      role: "USER",
      centre: centre.id,
      grants: ["iamis"],
      password: options.password,
      mfa: "totp",
      totpSecret: options.totpSecret,
      mustChangePassword: false,
    });
    return { teacher, sheetId: sheet.id, maxMark: best.component.maxMark, entryIds: best.entryIds };
  } finally {
    await closePrisma();
  }
}

main(JSON.parse(process.argv[2] ?? "{}")).then(
  (world) => {
    console.log(JSON.stringify(world));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
