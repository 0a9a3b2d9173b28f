import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { PortalHeader } from "@/components/layout/portal-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { IdleWarning } from "@/components/layout/idle-warning";
import { ClientMessages } from "@/components/i18n/client-messages";

// The shell only. Every page below still checks the session itself (layouts do not re-run
// on client navigation — docs/decisions/011-authorization-kernel.md).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session || session.pendingStep) redirect("/sign-in");
  return (
    <ClientMessages scope="app/(portal)">
      <PortalHeader session={session} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
      <IdleWarning />
    </ClientMessages>
  );
}
