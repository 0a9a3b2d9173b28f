import { createTestDb } from "@/tests/utils/test-db";
process.env.MFA_ENCRYPTION_KEY="k";
const { seedDemo } = await import("@/prisma/seed");
const { seedScale } = await import("@/prisma/seed-scale");
for (const mode of ["copy", "insert"]) {
  const db = await createTestDb();
  await seedDemo(db.prisma, { writeFiles: false });
  const r = await seedScale(db.prisma, { centres: 150, candidates: 25000, pglite: mode === "copy" ? db.pglite : null, log: (l) => { if (!l.startsWith("[")) console.log(mode, l); } });
  const again = await seedScale(db.prisma, { centres: 150, candidates: 25000, pglite: db.pglite });
  console.log(mode, "rerun skipped", again.skipped, (await db.prisma.componentResult.count()));
  await db.close();
}
