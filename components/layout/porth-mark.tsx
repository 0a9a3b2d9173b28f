import { cn } from "@/lib/utils";

/**
 * The Porth mark: a doorway ("porth" is Welsh for a gateway) in a rounded square. Drawn in the
 * current text colour on a transparent ground, so it takes the header's foreground colour.
 * Decorative: it always sits beside the word "Porth", which names the link. app/icon.svg is the
 * same drawing on the primary colour, for the browser tab.
 */
export function PorthMark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className={cn("size-8 shrink-0", className)}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinejoin="round"
    >
      <rect x="2.25" y="2.25" width="27.5" height="27.5" rx="6" />
      <path d="M10 25V15a6 6 0 0 1 12 0v10" />
      <path d="M7 25h18" strokeLinecap="round" />
    </svg>
  );
}
