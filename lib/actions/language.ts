"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { setPreferredLanguage } from "@/lib/data/identity/profile";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";

/** The language toggle: a cookie for everyone, and the profile of a signed-in user (issue 5). */
export async function switchLanguage(formData: FormData) {
  const locale = formData.get("locale");
  const returnTo = String(formData.get("returnTo") ?? "/");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: false,
      maxAge: 60 * 60 * 24 * 365,
    });
    const session = await getSession();
    if (session && session.pendingStep === null) await setPreferredLanguage(session.userId, locale);
  }
  // Only ever back to a path on this site.
  redirect(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
}
