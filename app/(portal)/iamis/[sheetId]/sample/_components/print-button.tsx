"use client";

import { Button } from "@/components/ui/button";

/** Prints the page (the list of work to send); hidden on the printout itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="self-start print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
