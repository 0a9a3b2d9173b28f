import { Download } from "lucide-react";

/** A link to a file the server streams (CSV, PDF): a plain anchor, so the browser downloads it. */
export function DownloadLink({ href, children, detail }: { href: string; children: React.ReactNode; detail?: string }) {
  return (
    <a href={href} className="inline-flex items-center gap-2 font-semibold underline" download>
      <Download aria-hidden="true" className="size-5" />
      <span>
        {children}
        {detail ? <span className="font-normal"> ({detail})</span> : null}
      </span>
    </a>
  );
}
