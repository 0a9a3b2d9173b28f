import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/dates";
import { outboxPageEnabled, readOutbox } from "@/lib/email/outbox";
import { PublicHeader } from "@/components/layout/public-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

/** Local outbox viewer of the emails and texts the portal sends — never in production. */
export default async function OutboxPage() {
  if (!outboxPageEnabled()) notFound();
  const t = await getTranslations("outbox");
  const locale = await getLocale();
  const messages = (await readOutbox()).slice(0, 100);
  return (
    <>
      <PublicHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
        <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
        <p className="mb-6">{t("intro")}</p>
        {messages.length === 0 ? <p>{t("empty")}</p> : null}
        <ol className="flex flex-col gap-4">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-border p-4">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold">{m.kind === "sms" ? "SMS" : m.subject}</span> — {t("to")}: {m.to} —{" "}
                  {formatDate(new Date(m.sentAt), "stamp", locale)}
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans">{m.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
