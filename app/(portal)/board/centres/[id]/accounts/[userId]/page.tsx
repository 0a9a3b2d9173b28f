import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { getCentreUser } from "@/lib/data/accounts/queries";
import { must } from "@/lib/http/page";
import { DeleteForm, PermissionsForm, ResetMfaForm } from "@/components/accounts/account-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("accountTitle") };
}

/** Board staff on one centre account: any permission, reset the second factor, delete. */
export default async function BoardAccountPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  await requireRole("BOARD_STAFF");
  const { id, userId } = await params;
  // An account of another centre than the address names is not found.
  const account = await must(getCentreUser(userId, id));
  const t = await getTranslations("account");
  const tb = await getTranslations("board");
  const tu = await getTranslations("users");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("permissions");
  const name = [account.title, account.name].filter(Boolean).join(" ") || account.email;
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <p>
        <Link href={`/board/centres/${id}`} className="underline">
          {tb("backToCentre")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{name}</h1>
      <p>
        {account.email} · {tr(account.role)} · {tu(`status_${account.status}`)}
      </p>
      <section aria-labelledby="access-title" className="flex flex-col gap-3">
        <h2 id="access-title" className="text-2xl font-bold">
          {t("accessTitle")}
        </h2>
        <p>{t("alwaysHas", { list: account.always.map((p) => tp(p)).join(", ") })}</p>
        {account.can.changePermissions ? <PermissionsForm userId={account.id} options={account.assignable} /> : null}
      </section>
      <section aria-labelledby="mfa-title" className="flex flex-col gap-3">
        <h2 id="mfa-title" className="text-2xl font-bold">
          {t("mfaTitle")}
        </h2>
        <p>{t("mfaHint")}</p>
        {account.can.resetMfa ? <ResetMfaForm userId={account.id} /> : <p>{t("noFactor")}</p>}
      </section>
      {account.can.delete ? (
        <section aria-labelledby="delete-title" className="flex flex-col gap-3">
          <h2 id="delete-title" className="text-2xl font-bold">
            {t("deleteTitle")}
          </h2>
          <p>{t("deleteHint")}</p>
          <DeleteForm userId={account.id} name={name} />
        </section>
      ) : null}
    </div>
  );
}
