import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SkipLink } from "@/components/ui/skip-link";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { template: `%s – ${t("portal")}`, default: t("portal") }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen flex flex-col bg-background text-foreground">
        {/* Only the messages client components use (lib/i18n/client-messages.ts). */}
        <ClientMessages scope="app">
          <SkipLink href="#main">{t("skipToContent")}</SkipLink>
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
