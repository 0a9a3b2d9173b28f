"use client";

import { useEffect, useId, useRef, useState } from "react";
import { MoveHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils";

export type TableProps = React.ComponentProps<"table"> & {
  /**
   * Accessible name of the scroll region (translated). When the table overflows its
   * container, the container becomes a focusable, named region so keyboard users can
   * scroll it (WCAG 2.1.1, 1.4.10). Alternatively pass `labelledBy` (e.g. a caption id).
   */
  label?: string;
  labelledBy?: string;
  /** Classes of the outer wrapper (the cue and the scroll region). */
  containerClassName?: string;
};

/**
 * A data table in a sideways scroll region. When it is wider than the page (a phone, or zoomed
 * in), a line above it says so ("Scroll the table sideways to see all columns") and its right
 * edge is shaded until it is scrolled to the end, so the columns out of view are not missed.
 * The shade is an inset shadow on the region (app/globals.css, `data-fade`), painted under the
 * cells' text so their contrast is untouched; it lifts while anything in the table has focus.
 */
export function Table({ className, containerClassName, label, labelledBy, ...props }: TableProps) {
  const t = useTranslations("common");
  const cueId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  // Before hydration (and without JS) assume it may scroll: a focusable region is
  // harmless, an unreachable overflow is not.
  const [scrollable, setScrollable] = useState(true);
  // Known only once measured in the browser: null = fits (or not measured yet).
  const [overflow, setOverflow] = useState<{ moreToTheRight: boolean } | null>(null);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const overflows = el.scrollWidth > el.clientWidth + 1;
      setScrollable(overflows);
      setOverflow(overflows ? { moreToTheRight: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 } : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);

  const named = Boolean(label || labelledBy);
  return (
    <div data-slot="table-wrapper" className={cn("flex w-full min-w-0 flex-col gap-1", containerClassName)}>
      {overflow ? (
        <p
          id={cueId}
          data-slot="table-scroll-cue"
          className="flex items-center gap-1.5 text-sm text-muted-foreground print:hidden"
        >
          <MoveHorizontal aria-hidden="true" className="size-4 shrink-0" />
          {t("tableScrollCue")}
        </p>
      ) : null}
      <div
        ref={containerRef}
        data-slot="table-container"
        data-scrollable={scrollable || undefined}
        data-fade={overflow?.moreToTheRight || undefined}
        role={scrollable && named ? "region" : undefined}
        aria-label={scrollable ? label : undefined}
        aria-labelledby={scrollable ? labelledBy : undefined}
        aria-describedby={overflow ? cueId : undefined}
        tabIndex={scrollable ? 0 : undefined}
        className="relative w-full overflow-x-auto"
      >
        <table
          data-slot="table"
          className={cn("w-full caption-top border-collapse text-left text-base", className)}
          {...props}
        />
      </div>
    </div>
  );
}
