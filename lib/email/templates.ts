import { createTranslator } from "next-intl";
import { messagesFor, type Messages } from "@/lib/i18n/messages";
import type { Email } from "./send";

// Every email is in the recipient's preferred language, or both (Welsh first) when it is not
// known; each has a plain-text part and says who sent it and why. Values that read differently
// per language (dates, centre and role names) are given per locale. The texts are
// the "emails" namespace of all the message files (an area's file may add its own kinds).

export type EmailKind = keyof Messages["emails"]["kinds"];

const en = messagesFor("en") as Messages;
const cy = messagesFor("cy") as Messages;
type Values = Record<string, string | number>;
/** The values of one email: the same in both languages, or worked out per language. */
export type EmailValues = Values | ((locale: "en" | "cy") => Values);

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderOne(locale: "en" | "cy", kind: EmailKind, values: Values) {
  const t = createTranslator({ locale, messages: locale === "cy" ? cy : en, namespace: "emails" });
  const subject = t(`kinds.${kind}.subject`, values);
  const body = t(`kinds.${kind}.body`, values);
  const why = t(`kinds.${kind}.why`, values);
  const footer = t("footer", { why });
  return { subject, text: `${t("greeting")}\n\n${body}\n\n${footer}`, html: [t("greeting"), body, footer] };
}

export function renderEmail(
  to: string,
  language: "en" | "cy" | null,
  kind: EmailKind,
  values: EmailValues = {},
): Email {
  const locales: ("en" | "cy")[] = language ? [language] : ["cy", "en"];
  const parts = locales.map((l) => renderOne(l, kind, typeof values === "function" ? values(l) : values));
  const paragraphs = (ps: string[]) => ps.map((p) => `<p>${escape(p).replace(/\n/g, "<br>")}</p>`).join("");
  return {
    to,
    subject: parts.map((p) => p.subject).join(" / "),
    text: parts.map((p) => p.text).join("\n\n— — —\n\n"),
    html: parts.map((p, i) => `<div lang="${locales[i]}">${paragraphs(p.html)}</div>`).join("<hr>"),
  };
}

export function renderSms(language: "en" | "cy" | null, code: string): string {
  const locales: ("en" | "cy")[] = language ? [language] : ["cy", "en"];
  return locales
    .map((l) => createTranslator({ locale: l, messages: l === "cy" ? cy : en, namespace: "emails" })("sms", { code }))
    .join("\n");
}
