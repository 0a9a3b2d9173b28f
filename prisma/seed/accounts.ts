// The demo accounts (prisma/seed.ts; docs: README "Demo accounts").
import type { Permission } from "@/lib/auth/catalogue";
import type { Centre } from "@/lib/generated/prisma/client";
import { createUser, DEMO_TOTP_SECRET, type Db } from "@/tests/factories";
import type { DEMO_CENTRE_NUMBERS } from "./centres";

export const DEMO_PASSWORD = "porth-demo-password";
export { DEMO_TOTP_SECRET };

export type DemoAccount = {
  email: string;
  role: "BOARD_STAFF" | "EXAMS_OFFICER" | "ADMIN" | "USER" | "APPOINTEE";
  centre?: (typeof DEMO_CENTRE_NUMBERS)[number];
  appointeeType?: "EXAMINER" | "MODERATOR";
  grants?: Permission[];
  title: string;
  name: string;
  jobRole: string;
  phone: string;
};

/** Every demo account: password DEMO_PASSWORD, an active authenticator-app factor (DEMO_TOTP_SECRET). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "board@board.test",
    role: "BOARD_STAFF",
    title: "Mr",
    name: "Gareth Hopkins",
    jobRole: "Centre Services Manager",
    phone: "+447700900101",
  },
  {
    email: "eo@68101.test",
    role: "EXAMS_OFFICER",
    centre: "68101",
    title: "Mrs",
    name: "Siân Prys",
    jobRole: "Exams Officer",
    phone: "+447700900102",
  },
  {
    email: "admin@68101.test",
    role: "ADMIN",
    centre: "68101",
    grants: ["a2c", "iamis", "access_arrangements", "scripts"],
    title: "Ms",
    name: "Catrin Huws",
    jobRole: "Assistant Exams Officer",
    phone: "+447700900103",
  },
  {
    email: "teacher@68101.test",
    role: "USER",
    centre: "68101",
    grants: [],
    title: "Mr",
    name: "Tomos Ellis",
    jobRole: "Teacher of Geography",
    phone: "+447700900104",
  },
  {
    email: "results.teacher@68101.test",
    role: "USER",
    centre: "68101",
    grants: ["results", "entries", "iamis"],
    title: "Dr",
    name: "Ffion Rhydderch",
    jobRole: "Head of Mathematics",
    phone: "+447700900105",
  },
  {
    email: "locktest@68101.test",
    role: "USER",
    centre: "68101",
    grants: [],
    title: "Mr",
    name: "Llŷr Jenkins",
    jobRole: "Teacher of Latin",
    phone: "+447700900106",
  },
  {
    email: "eo@68102.test",
    role: "EXAMS_OFFICER",
    centre: "68102",
    title: "Mr",
    name: "Alun Roberts",
    jobRole: "Examinations Officer",
    phone: "+447700900107",
  },
  {
    email: "examiner@appointees.test",
    role: "APPOINTEE",
    appointeeType: "EXAMINER",
    title: "Dr",
    name: "Eleri Morgan",
    jobRole: "Examiner, GCSE Latin",
    phone: "+447700900108",
  },
  {
    email: "moderator@appointees.test",
    role: "APPOINTEE",
    appointeeType: "MODERATOR",
    title: "Mrs",
    name: "Helen Charles",
    jobRole: "Moderator, GCSE Geography",
    phone: "+447700900109",
  },
  {
    // Led by moderator@appointees.test, who can work as them (prisma/seed/moderation.ts).
    email: "moderator.team@appointees.test",
    role: "APPOINTEE",
    appointeeType: "MODERATOR",
    title: "Mr",
    name: "Owain Pugh",
    jobRole: "Moderator",
    phone: "+447700900110",
  },
];

/** The demo accounts not there yet, at their centres (`centres`: the demo centres). */
export async function seedAccounts(tx: Db, centres: Centre[], log: (line: string) => void): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    const { centre, grants = [], ...fields } = account;
    await createUser(tx, {
      ...fields,
      centre: centre ? centres.find((c) => c.number === centre)!.id : null,
      appointeeType: account.appointeeType ?? null,
      grants,
      password: DEMO_PASSWORD,
      mfa: "totp",
      totpSecret: DEMO_TOTP_SECRET,
      mustChangePassword: false,
    });
  }
  log(`${DEMO_ACCOUNTS.length} demo accounts (password ${DEMO_PASSWORD}, TOTP secret ${DEMO_TOTP_SECRET})`);
}
