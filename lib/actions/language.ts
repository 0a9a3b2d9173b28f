"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { setPreferredLanguage } from "@/lib/data/identity/profile";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { safeRedirectTarget } from "@/lib/http/safe-redirect";

/** The language toggle: a cookie for everyone, and the profile of a signed-in user. */
export async function switchLanguage(formData: FormData) {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: false,
      maxAge: 60 * 60 * 24 * 365,
    });
    // Signed out (or still signing in): the cookie is all there is to remember.
    await setPreferredLanguage(locale);
  }
  // Only ever back to a path on this site.
  redirect(safeRedirectTarget(formData.get("returnTo")));
}
