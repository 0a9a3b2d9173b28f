import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HelpArticle } from "@/components/help/help-article";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help"))("title") };
}

/** The footer's Help link: public (proxy.ts lets everyone through). */
export default async function HelpPage() {
  return <HelpArticle />;
}
