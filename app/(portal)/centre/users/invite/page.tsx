import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { adminPlacesLeft, invitablePermissions } from "@/lib/data/centre/users";
import { InviteForm } from "../_components/invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage() {
  const session = await requirePermission("manage_users");
  const t = await getTranslations("invite");
  const places = await adminPlacesLeft(session);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <InviteForm
        adminAvailable={places > 0}
        permissions={{ ADMIN: invitablePermissions(session, "ADMIN"), USER: invitablePermissions(session, "USER") }}
      />
    </div>
  );
}
