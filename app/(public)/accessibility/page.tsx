import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessibilityStatement } from "@/components/help/accessibility-statement";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessibility"))("title") };
}

/** The footer's Accessibility link: public (proxy.ts lets everyone through). */
export default async function AccessibilityPage() {
  return <AccessibilityStatement />;
}
