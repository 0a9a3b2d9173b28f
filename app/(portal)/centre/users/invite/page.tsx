import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { inviteOptions } from "@/lib/data/accounts/invites";
import { must } from "@/lib/http/page";
import { PageHeader } from "@/components/page/page-header";
import { InviteForm } from "../_components/invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage() {
  await requirePermission("manage_users");
  const t = await getTranslations("invite");
  const options = await must(inviteOptions());
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <InviteForm adminAvailable={options.adminPlacesLeft > 0} permissions={options.permissions} />
    </div>
  );
}
