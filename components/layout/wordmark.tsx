import Link from "next/link";
import { cn } from "@/lib/utils";
import { PorthMark } from "./porth-mark";

/**
 * The mark and the name "Porth", linking home, on the header's primary colour. The colour is
 * set here, not inherited: the base style of links (app/globals.css) is the primary colour itself,
 * which on the header would be invisible.
 */
export function Wordmark({ label, className }: { label: string; className?: string }) {
  return (
    <Link
      href="/"
      className={cn(
        "inline-flex min-h-11 items-center gap-2 text-xl font-bold text-primary-foreground no-underline",
        "underline-offset-4 hover:text-primary-foreground hover:underline",
        className,
      )}
    >
      <PorthMark />
      {label}
    </Link>
  );
}
