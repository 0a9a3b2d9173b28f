import "server-only";
import { getPrisma } from "@/lib/db/client";
import { renderEmail } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { audit } from "@/lib/data/audit";
import { consumeCode, issueCode } from "./codes";
import type { LiveSession, RequestInfo } from "./sessions";
import { normaliseEmail } from "./sign-in";

// The profile (cog in the profile menu; issue 3 §7).

export type ProfileInput = { title: string; name: string; jobRole: string; phone: string; language: "en" | "cy" };

export async function updateProfile(session: LiveSession, input: ProfileInput, request: RequestInfo, now: Date) {
  const db = getPrisma();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: session.userId }, data: input });
    await audit(tx, {
      action: "profile.updated",
      outcome: "success",
      actorId: session.userId,
      actorEmail: session.user.email,
      centreId: session.user.centreId,
      ip: request.ip,
      at: now,
    });
  });
}

export async function setPreferredLanguage(userId: string, language: "en" | "cy") {
  await getPrisma().user.update({ where: { id: userId }, data: { language } });
}

export type EmailChangeError = "emailTaken" | "deliveryFailed" | "invalidCode" | "expiredCode";

/** Step 1: a code goes to the new address; nothing changes until it is confirmed. */
export async function requestEmailChange(
  session: LiveSession,
  newEmail: string,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: EmailChangeError }> {
  const db = getPrisma();
  const email = normaliseEmail(newEmail);
  if (await db.user.findUnique({ where: { email } })) return { ok: false, error: "emailTaken" };
  const code = await issueCode(db, {
    userId: session.userId,
    purpose: "EMAIL_CHANGE",
    channel: "email",
    payload: email,
    now,
  });
  try {
    await sendEmail(renderEmail(email, session.user.language, "emailChangeCode", { code }));
  } catch (error) {
    if (error instanceof DeliveryError) return { ok: false, error: "deliveryFailed" };
    throw error;
  }
  await audit(db, {
    action: "email.change-requested",
    outcome: "success",
    actorId: session.userId,
    actorEmail: session.user.email,
    centreId: session.user.centreId,
    ip: request.ip,
    at: now,
  });
  return { ok: true };
}

/** Step 2: the confirmed address becomes the username at once. */
export async function confirmEmailChange(
  session: LiveSession,
  code: string,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true; email: string } | { ok: false; error: EmailChangeError }> {
  const db = getPrisma();
  const check = await consumeCode(db, { userId: session.userId, purpose: "EMAIL_CHANGE", code, now });
  if (!check.ok) return { ok: false, error: check.reason === "expired" ? "expiredCode" : "invalidCode" };
  const email = check.payload;
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: session.userId }, data: { email, emailVerified: now } });
      await audit(tx, {
        action: "email.changed",
        outcome: "success",
        actorId: session.userId,
        actorEmail: email,
        centreId: session.user.centreId,
        ip: request.ip,
        details: { from: session.user.email },
        at: now,
      });
    });
  } catch {
    // Another account took the address in the meantime (unique index).
    return { ok: false, error: "emailTaken" };
  }
  return { ok: true, email };
}
