import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-auto border-t border-border bg-muted print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-muted-foreground">
        <nav aria-label={t("linksLabel")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link href="/help" className="inline-block py-1">
                {t("help")}
              </Link>
            </li>
            <li>
              <Link href="/accessibility" className="inline-block py-1">
                {t("accessibility")}
              </Link>
            </li>
          </ul>
        </nav>
        <p>{t("text")}</p>
      </div>
    </footer>
  );
}
