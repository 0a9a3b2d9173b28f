import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/auth/secret-box";
import type { Permission } from "@/lib/auth/catalogue";
import type { Centre, Prisma, User } from "@/lib/generated/prisma/client";
import { createCentre } from "./centres";
import type { Db } from "./db";

/** The demo TOTP secret (base32). Any authenticator app accepts it; tests generate codes from it. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
export const DEFAULT_TEST_PASSWORD = "correct-horse-battery-staple";
export const DEFAULT_SMS_PHONE = "+447700900123";

export type MfaKind = "totp" | "sms" | "email" | "none";

export type CreateUserOptions = Omit<
  Partial<Prisma.UserUncheckedCreateInput>,
  | "grants"
  | "mfaFactors"
  | "passwordHash"
  | "invites"
  | "sessions"
  | "accounts"
  | "recoveryCodes"
  | "favourites"
  | "accessRequests"
> & {
  /** A centre row or id. Centre roles (EO/Admin/User) without one get a new centre. */
  centre?: Centre | string | null;
  /** Plain password, hashed once per process and value. `null` for an account with no password. */
  password?: string | null;
  grants?: Permission[];
  /** Second factor, created ACTIVE (verified). Default "none". */
  mfa?: MfaKind;
  /** TOTP secret (base32) when mfa = "totp". Default DEMO_TOTP_SECRET. */
  totpSecret?: string;
  /** Phone for mfa = "sms". Default DEFAULT_SMS_PHONE. */
  smsPhone?: string;
};

export type CreatedUser = User & {
  /** The plain password the account was given (null when none). */
  plainPassword: string | null;
  /** The plain TOTP secret when mfa = "totp", else null. */
  totpSecret: string | null;
  grants: Permission[];
};

// argon2id costs ~40 ms; the same password hashed once per process is plenty for tests and seeds.
const hashCache = new Map<string, Promise<string>>();

export function cachedHash(plain: string): Promise<string> {
  let hashed = hashCache.get(plain);
  if (!hashed) {
    hashed = hashSecret(plain);
    hashCache.set(plain, hashed);
    hashed.catch(() => hashCache.delete(plain));
  }
  return hashed;
}

let userCounter = 0;
const runTag = randomBytes(3).toString("hex");

const CENTRE_ROLES = new Set(["EXAMS_OFFICER", "ADMIN", "USER"]);

/** An account. Defaults: role USER at a new centre, verified email, a password, no MFA. */
export async function createUser(db: Db, options: CreateUserOptions = {}): Promise<CreatedUser> {
  const {
    centre,
    password = DEFAULT_TEST_PASSWORD,
    grants = [],
    mfa = "none",
    totpSecret = DEMO_TOTP_SECRET,
    smsPhone = DEFAULT_SMS_PHONE,
    ...data
  } = options;
  const role = data.role ?? "USER";

  let centreId: string | null | undefined = data.centreId;
  if (centre !== undefined) centreId = centre === null ? null : typeof centre === "string" ? centre : centre.id;
  if (centreId === undefined) centreId = CENTRE_ROLES.has(role) ? (await createCentre(db)).id : null;

  userCounter += 1;
  const email = (
    data.email ??
    `${role.toLowerCase().replace("_", "-")}-${userCounter}-${runTag}@${role === "APPOINTEE" ? "appointees.test" : "example.test"}`
  )
    .trim()
    .toLowerCase();

  const now = new Date();
  const user = await db.user.create({
    data: {
      name: `Test ${role.toLowerCase()} ${userCounter}`,
      emailVerified: now,
      passwordChangedAt: password ? now : null,
      appointeeType: role === "APPOINTEE" ? "EXAMINER" : null,
      ...data,
      role,
      email,
      centreId,
      passwordHash: password ? await cachedHash(password) : null,
    },
  });

  if (grants.length > 0) {
    await db.permissionGrant.createMany({ data: grants.map((permission) => ({ userId: user.id, permission })) });
  }

  if (mfa !== "none") {
    await db.mfaFactor.create({
      data: {
        userId: user.id,
        method: mfa === "totp" ? "TOTP" : mfa === "sms" ? "SMS" : "EMAIL",
        active: true,
        verifiedAt: now,
        secretEncrypted: mfa === "totp" ? encryptSecret(totpSecret) : null,
        phone: mfa === "sms" ? smsPhone : null,
      },
    });
  }

  return { ...user, plainPassword: password, totpSecret: mfa === "totp" ? totpSecret : null, grants: [...grants] };
}
