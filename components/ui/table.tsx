"use client";

import { useEffect, useRef, useState } from "react";

import { cn } from "@/lib/utils";

export type TableProps = React.ComponentProps<"table"> & {
  /**
   * Accessible name of the scroll region (translated). When the table overflows its
   * container, the container becomes a focusable, named region so keyboard users can
   * scroll it (WCAG 2.1.1, 1.4.10). Alternatively pass `labelledBy` (e.g. a caption id).
   */
  label?: string;
  labelledBy?: string;
  containerClassName?: string;
};

export function Table({ className, containerClassName, label, labelledBy, ...props }: TableProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  // Before hydration (and without JS) assume it may scroll: a focusable region is
  // harmless, an unreachable overflow is not.
  const [scrollable, setScrollable] = useState(true);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => setScrollable(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);

  const named = Boolean(label || labelledBy);
  return (
    <div
      ref={containerRef}
      data-slot="table-container"
      data-scrollable={scrollable || undefined}
      role={scrollable && named ? "region" : undefined}
      aria-label={scrollable ? label : undefined}
      aria-labelledby={scrollable ? labelledBy : undefined}
      tabIndex={scrollable ? 0 : undefined}
      className={cn("relative w-full overflow-x-auto", containerClassName)}
    >
      <table
        data-slot="table"
        className={cn("w-full caption-top border-collapse text-left text-base", className)}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return (
    <thead data-slot="table-header" className={cn("[&_tr]:border-b-2 [&_tr]:border-input", className)} {...props} />
  );
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("border-t-2 border-input bg-muted font-semibold", className)}
      {...props}
    />
  );
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn("border-b hover:bg-muted aria-selected:bg-secondary", className)}
      {...props}
    />
  );
}

/** Header cell; `scope="col"` by default — pass `scope="row"` for row headers in the body. */
export function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn("px-3 py-3 align-bottom font-bold text-foreground", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td data-slot="table-cell" className={cn("px-3 py-3 align-top", className)} {...props} />;
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("mb-2 text-left font-semibold text-foreground", className)}
      {...props}
    />
  );
}
