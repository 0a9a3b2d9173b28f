import Link from "next/link";

// Previous / "Page 2 of 35" / Next below a long list. Plain links to the same page with another
// `page` in the query (`href(page)`), so a page is an address: it works without JavaScript, can
// be bookmarked, and the browser's Back goes to the page before.

export function Pagination({
  page,
  pages,
  href,
  labels,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** Translated: the navigation's name, the two links and "Page {page} of {pages}" already filled in. */
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center gap-4 print:hidden">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} prefetch={false} className="underline">
          {labels.previous}
        </Link>
      ) : null}
      <span>{labels.pageOf}</span>
      {page < pages ? (
        <Link href={href(page + 1)} prefetch={false} className="underline">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
