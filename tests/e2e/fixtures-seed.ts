// Accounts the end-to-end tests need beyond the demo data, created before the server starts
// (PGlite allows one process per data dir, so the tests cannot write to it afterwards).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashSecret } from "../../lib/auth/password";
import { addMonths } from "../../lib/time";
import { createUser } from "../factories/users";
import { seedPublishingFixtures } from "./publishing-fixtures";
import { seedBoardResourcesFixtures } from "./board-resources-fixtures";
import { seedAccessArrangementsFixtures } from "./access-arrangements-fixtures";

export const E2E = {
  invitee: { email: "invitee@68101.test", temporaryPassword: "tmp-Kq7wPz3nXa" },
  sms: { email: "sms.user@68101.test", phone: "+447700900456" },
  emailMfa: { email: "email.user@68101.test" },
  recovery: { email: "recovery.user@68101.test", codes: ["abcde-23456", "fghjk-34567"] },
  forgot: { email: "forgot.user@68101.test" },
  lockout: { email: "lockout.user@68101.test" },
  // Sets up a passkey at its first sign-in (tests/e2e/passkeys.spec.ts).
  passkey: { email: "passkey.user@68101.test" },
  // A passkey account whose passkey the browser does not have: it signs in with a recovery code.
  passkeyRecovery: { email: "passkey.recovery@68101.test", codes: ["pqrst-45678"] },
  // For tests that pin the server's clock: their authenticator steps are in 2027, so they must
  // never be shared with accounts that sign in at the real time.
  clockResults: { email: "clock.results@68101.test" },
  clockTeacher: { email: "clock.teacher@68101.test" },
  // An Admin of 68102 (IAMIS by default) who reads its released moderator report at the real
  // time: 68102's EO signs in at pinned 2027 times (exams-office.spec.ts).
  reportsAdmin: { email: "reports.admin@68102.test" },
  password: "correct-horse-battery-staple",
} as const;

export async function seedE2eFixtures(prisma: PrismaClient) {
  const centre = await prisma.centre.findUniqueOrThrow({ where: { number: "68101" } });
  const eo = await prisma.user.findUniqueOrThrow({ where: { email: "eo@68101.test" } });
  const invitee = await createUser(prisma, {
    email: E2E.invitee.email,
    role: "USER",
    centre,
    name: "Gwen Morgan",
    password: E2E.invitee.temporaryPassword,
    mustChangePassword: true,
    mfa: "none",
  });
  await prisma.invite.create({ data: { userId: invitee.id, invitedById: eo.id, expiresAt: addMonths(new Date(), 2) } });
  await createUser(prisma, {
    email: E2E.sms.email,
    role: "USER",
    centre,
    name: "Rhys Price",
    password: E2E.password,
    mfa: "sms",
    smsPhone: E2E.sms.phone,
  });
  await createUser(prisma, {
    email: E2E.emailMfa.email,
    role: "USER",
    centre,
    name: "Nia Evans",
    password: E2E.password,
    mfa: "email",
  });
  const recovery = await createUser(prisma, {
    email: E2E.recovery.email,
    role: "USER",
    centre,
    name: "Owain Lewis",
    password: E2E.password,
    mfa: "totp",
  });
  await prisma.recoveryCode.createMany({
    data: await Promise.all(
      E2E.recovery.codes.map(async (c) => ({ userId: recovery.id, codeHash: await hashSecret(c) })),
    ),
  });
  await createUser(prisma, {
    email: E2E.forgot.email,
    role: "USER",
    centre,
    name: "Cerys Hughes",
    password: E2E.password,
    mfa: "totp",
  });
  await createUser(prisma, {
    email: E2E.clockResults.email,
    role: "USER",
    centre,
    name: "Elin Results",
    password: E2E.password,
    mfa: "totp",
    grants: ["results"],
  });
  await createUser(prisma, {
    email: E2E.clockTeacher.email,
    role: "USER",
    centre,
    name: "Iwan Teacher",
    password: E2E.password,
    mfa: "totp",
  });
  await createUser(prisma, {
    email: E2E.passkey.email,
    role: "USER",
    centre,
    name: "Angharad Bevan",
    password: E2E.password,
    mfa: "none",
  });
  const passkeyRecovery = await createUser(prisma, {
    email: E2E.passkeyRecovery.email,
    role: "USER",
    centre,
    name: "Bethan Parry",
    password: E2E.password,
    mfa: "none",
  });
  await prisma.mfaFactor.create({
    data: { userId: passkeyRecovery.id, method: "PASSKEY", active: true, verifiedAt: new Date() },
  });
  await prisma.passkey.create({
    data: {
      userId: passkeyRecovery.id,
      credentialId: "ZTJlLW9ubHktbm90LWEtcmVhbC1jcmVkZW50aWFs",
      publicKey: new Uint8Array(77),
      name: "Lost phone",
    },
  });
  await prisma.recoveryCode.createMany({
    data: await Promise.all(
      E2E.passkeyRecovery.codes.map(async (c) => ({ userId: passkeyRecovery.id, codeHash: await hashSecret(c) })),
    ),
  });
  await createUser(prisma, {
    email: E2E.lockout.email,
    role: "USER",
    centre,
    name: "Dafydd Rees",
    password: E2E.password,
    mfa: "totp",
  });
  await createUser(prisma, {
    email: E2E.reportsAdmin.email,
    role: "ADMIN",
    centre: await prisma.centre.findUniqueOrThrow({ where: { number: "68102" } }),
    name: "Elin Huws",
    password: E2E.password,
    mfa: "totp",
    grants: ["iamis"],
  });
  await seedPublishingFixtures(prisma, E2E.password);
  await seedBoardResourcesFixtures(prisma, E2E.password);
  await seedAccessArrangementsFixtures(prisma, E2E.password);
}
