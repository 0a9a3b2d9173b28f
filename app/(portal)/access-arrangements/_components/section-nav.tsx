import Link from "next/link";
import { getTranslations } from "next-intl/server";

// The two parts of access arrangements: the list of arrangements and the modified paper orders.
export async function SectionNav({ current }: { current: "list" | "papers" }) {
  const t = await getTranslations("accessArrangements");
  const links = [
    { key: "list", href: "/access-arrangements", label: t("navList") },
    { key: "papers", href: "/access-arrangements/modified-papers", label: t("navPapers") },
  ] as const;
  return (
    <nav aria-label={t("navLabel")} className="print:hidden">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 border-b pb-2">
        {links.map((l) => (
          <li key={l.key}>
            <Link
              href={l.href}
              aria-current={current === l.key ? "page" : undefined}
              className={current === l.key ? "font-bold underline decoration-4" : "underline"}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
