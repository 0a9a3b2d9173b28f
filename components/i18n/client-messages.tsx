import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { MessageTree } from "@/lib/i18n/messages";
import { clientMessagesFor, type ClientScope } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below it the message namespaces of `scope` and the scopes above it
 * (lib/i18n/client-messages.ts), and no others: the browser receives every message a provider
 * passes, used or not. Rendered by the layout of each directory that has a list.
 */
export async function ClientMessages({ scope, children }: { scope: ClientScope; children: React.ReactNode }) {
  const messages = (await getMessages()) as MessageTree;
  return <NextIntlClientProvider messages={clientMessagesFor(messages, scope)}>{children}</NextIntlClientProvider>;
}
