import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

// The three pages of "Resources and papers": the documents, the question papers, and the upload form.

const LINKS = [
  { href: "/board/resources", key: "navDocuments" },
  { href: "/board/resources/question-papers", key: "navQuestionPapers" },
  { href: "/board/resources/upload", key: "navUpload" },
] as const;

export async function ResourcesNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  const t = await getTranslations("boardResources");
  return (
    <nav aria-label={t("navLabel")}>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 border-b pb-2">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className={cn("underline underline-offset-4", link.href === current && "font-bold no-underline")}
            >
              {t(link.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
