import "server-only";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { normaliseEmail } from "@/lib/auth/email";
import type { Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { renderEmail } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { hasFreshSecondFactor } from "@/lib/auth/mfa-methods";
import { audit } from "@/lib/data/audit";
import { consumeCode, issueCode } from "./codes";
import { checkCurrentPassword } from "./current-password";

// The profile (the cog in the profile menu; docs/product-rules.md, "Sign-in and sessions").

export type ProfileInput = { title: string; name: string; jobRole: string; phone: string; language: "en" | "cy" };

export type Profile = {
  details: { title: string; name: string; jobRole: string; phone: string; language: "en" | "cy" | null };
  email: string;
  role: Role;
  centre: { number: string; nameEn: string; nameCy: string } | null;
  /** What the caller may do (always ∪ granted). */
  permissions: readonly Permission[];
  /** Whether changing the email address may skip the current password (second factor proved in the last 10 minutes). */
  emailChangeWithoutPassword: boolean;
};

/** The caller's own details, role, centre and permissions. */
export async function myProfile(): Promise<Result<Profile>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const user = await getPrisma().user.findUniqueOrThrow({
    where: { id: caller.userId },
    select: {
      title: true,
      name: true,
      jobRole: true,
      phone: true,
      language: true,
      email: true,
      centre: { select: { number: true, nameEn: true, nameCy: true } },
    },
  });
  const { email, centre, ...details } = user;
  return {
    ok: true,
    details,
    email,
    role: caller.role,
    centre,
    permissions: caller.permissions,
    emailChangeWithoutPassword: hasFreshSecondFactor(caller, at),
  };
}

export async function updateProfile(input: ProfileInput): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const request = await requestInfo();
  await getPrisma().$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.userId }, data: input });
    await audit(tx, {
      action: "profile.updated",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      at,
    });
  });
  return { ok: true };
}

/** The language toggle, remembered on the profile of a fully signed-in caller. */
export async function setPreferredLanguage(language: "en" | "cy"): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  await getPrisma().user.update({ where: { id: auth.caller.userId }, data: { language } });
  return { ok: true };
}

/**
 * Step 1: a code goes to the new address; nothing changes until it is confirmed. Needs the
 * current password, unless the second factor was proved in the last 10 minutes — the email
 * address is the username, so a session someone else got hold of must not change it.
 */
export async function requestEmailChange(newEmail: string, currentPassword = ""): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const request = await requestInfo();
  if (!hasFreshSecondFactor(caller, at)) {
    if (currentPassword.trim() === "") return refuse("invalid", "currentRequired");
    const wrong = await checkCurrentPassword(caller, currentPassword, request, at, "email.change-requested");
    if (wrong) return wrong;
  }
  const email = normaliseEmail(newEmail);
  if (await db.user.findUnique({ where: { email } })) return refuse("conflict", "emailTaken");
  const code = await issueCode(db, {
    userId: caller.userId,
    purpose: "EMAIL_CHANGE",
    channel: "email",
    payload: email,
    now: at,
  });
  try {
    await sendEmail(renderEmail(email, caller.language, "emailChangeCode", { code }));
  } catch (error) {
    if (error instanceof DeliveryError) return refuse("unavailable", "deliveryFailed");
    throw error;
  }
  await audit(db, {
    action: "email.change-requested",
    outcome: "success",
    actorId: caller.userId,
    actorEmail: caller.email,
    centreId: caller.centreId,
    ip: request.ip,
    at,
  });
  return { ok: true };
}

/**
 * Step 2: the confirmed address becomes the username at once. The old address is told, with
 * what to do if it was not the account's owner.
 */
export async function confirmEmailChange(code: string): Promise<Result<{ email: string }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const check = await consumeCode(db, { userId: caller.userId, purpose: "EMAIL_CHANGE", code, now: at });
  if (!check.ok) return refuse("invalid", check.reason === "expired" ? "expiredCode" : "invalidCode");
  const email = check.payload;
  const request = await requestInfo();
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: caller.userId }, data: { email, emailVerified: at } });
      await audit(tx, {
        action: "email.changed",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: email,
        centreId: caller.centreId,
        ip: request.ip,
        details: { from: caller.email },
        at,
      });
    });
  } catch {
    // Another account took the address in the meantime (unique index).
    return refuse("conflict", "emailTaken");
  }
  await sendEmail(renderEmail(caller.email, caller.language, "emailChanged", { email })).catch(() => undefined);
  return { ok: true, email };
}
