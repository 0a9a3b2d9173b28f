import { cn } from "@/lib/utils";

export type SkipLinkProps = React.ComponentProps<"a">;

/**
 * First focusable element on every page (WCAG 2.4.1). Hidden until focused. The target
 * (`<main id="main" tabIndex={-1}>`) must exist. Text comes in as children (translated).
 */
export function SkipLink({ className, href = "#main", ...props }: SkipLinkProps) {
  return (
    <a
      data-slot="skip-link"
      href={href}
      className={cn(
        "sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-100",
        "focus:rounded-md focus:bg-background focus:px-4 focus:py-3 focus:font-semibold focus:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
