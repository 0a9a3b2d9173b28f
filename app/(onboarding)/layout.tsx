import { PublicHeader } from "@/components/layout/public-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { ClientMessages } from "@/components/i18n/client-messages";

export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages scope="app/(onboarding)">
      <PublicHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </ClientMessages>
  );
}
