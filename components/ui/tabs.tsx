"use client";

import { Tabs as TabsPrimitive } from "radix-ui";

import { cn } from "@/lib/utils";

export function Tabs({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Root>) {
  return <TabsPrimitive.Root data-slot="tabs" className={cn("flex flex-col gap-4", className)} {...props} />;
}

/** Give the list an accessible name: `aria-label` (translated) or `aria-labelledby`. */
export function TabsList({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      data-slot="tabs-list"
      // Wraps instead of scrolling sideways so every tab stays reachable at 400% zoom.
      className={cn("flex flex-wrap items-end gap-1 border-b-2 border-input", className)}
      {...props}
    />
  );
}

export function TabsTrigger({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      data-slot="tabs-trigger"
      className={cn(
        "-mb-0.5 inline-flex min-h-11 items-center justify-center gap-2 rounded-t-md border-2 border-transparent px-4 py-2",
        "text-base font-semibold text-link underline underline-offset-4 hover:text-link-hover",
        // Selected state: shape (joined box, no underline) and colour, not colour alone.
        "data-[state=active]:border-input data-[state=active]:border-b-background data-[state=active]:bg-background",
        "data-[state=active]:text-foreground data-[state=active]:no-underline",
        "disabled:pointer-events-none disabled:opacity-60",
        "[&_svg]:pointer-events-none [&_svg]:size-5 [&_svg]:shrink-0",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Content>) {
  return <TabsPrimitive.Content data-slot="tabs-content" className={cn("min-w-0", className)} {...props} />;
}
