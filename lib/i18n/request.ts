import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE, isLocale, negotiateLocale } from "./config";
import { messagesFor } from "./messages";

/** The locale of the current request: the cookie (set from the profile at sign-in and by the
 *  language toggle), else the browser's Accept-Language. */
export async function resolveLocale() {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: messagesFor(locale),
  };
});
