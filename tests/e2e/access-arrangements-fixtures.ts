// The end-to-end world of access arrangements (tests/e2e/access-arrangements.spec.ts), created
// before the server starts: a teacher at centre 68101 who holds the access arrangements
// permission (the demo teacher holds none, and other tests rely on that).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createUser } from "../factories/users";

export const AA = {
  teacher: { email: "aa.teacher@68101.test", name: "Mererid Lloyd" },
  /** Demo candidates of 68101 with no arrangements (the seed uses 0001–0008). */
  qualifying: "0031",
  referred: "0032",
} as const;

export async function seedAccessArrangementsFixtures(prisma: PrismaClient, password: string) {
  const centre = await prisma.centre.findUniqueOrThrow({ where: { number: "68101" } });
  await createUser(prisma, {
    email: AA.teacher.email,
    role: "USER",
    centre,
    name: AA.teacher.name,
    password,
    mfa: "totp",
    grants: ["access_arrangements"],
  });
}
