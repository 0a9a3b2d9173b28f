import type { Centre, Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./db";

let centreCounter = 0;

export type CentreOverrides = Partial<Prisma.CentreUncheckedCreateInput>;

/** A centre. Defaults to a fresh 5-digit number from 60001 upwards (demo centres are 681xx). */
export async function createCentre(db: Db, overrides: CentreOverrides = {}): Promise<Centre> {
  let number = overrides.number;
  if (!number) {
    // Skip numbers already taken (a test may have seeded the demo board first).
    do {
      centreCounter += 1;
      number = String(60000 + centreCounter);
    } while (await db.centre.findUnique({ where: { number }, select: { id: true } }));
  }
  return db.centre.create({
    data: {
      nameEn: `Test Centre ${number}`,
      nameCy: `Canolfan Brawf ${number}`,
      address: `1 High Street\nPorth\nCF39 9AA`,
      ...overrides,
      number,
    },
  });
}
