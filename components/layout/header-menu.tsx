"use client";

import { useState } from "react";
import { usePathname } from "next/navigation";
import { Menu, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * The header's navigation. From the `lg` breakpoint it is one row beside the wordmark; below it
 * (a phone, or a desktop window zoomed to 200–400%) it folds behind a "Menu" button so the
 * header stays one row, and opens as a column under it. It closes again when the page changes.
 */
export function HeaderMenu({
  label,
  navLabel,
  children,
}: {
  label: string;
  navLabel: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  // Open on the page where it was opened: moving to another page folds it away.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn !== null && openOn === pathname;
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        aria-expanded={open}
        aria-controls="header-nav"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="text-inherit hover:bg-white/10 hover:text-primary-foreground lg:hidden"
      >
        {open ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />}
        {label}
      </Button>
      <nav
        id="header-nav"
        aria-label={navLabel}
        className={cn(
          "w-full flex-col items-start gap-2 border-t border-white/30 py-3",
          "lg:flex lg:w-auto lg:flex-row lg:items-center lg:gap-1 lg:border-0 lg:py-0",
          open ? "flex" : "hidden",
        )}
      >
        {children}
      </nav>
    </>
  );
}
