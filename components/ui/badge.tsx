import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

/*
 * Status is never carried by colour alone: a Badge always has text (required children),
 * and every variant keeps ≥ 4.5:1 text contrast and a visible border.
 */
export const badgeVariants = cva(
  "inline-flex w-fit max-w-full items-center gap-1 rounded-md border px-2 py-0.5 text-sm font-semibold leading-snug [&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "border-primary bg-primary text-primary-foreground",
        secondary: "border-secondary-foreground/30 bg-secondary text-secondary-foreground",
        success: "border-success bg-success-subtle text-success-subtle-foreground",
        warning: "border-warning bg-warning-subtle text-warning-subtle-foreground",
        destructive: "border-destructive bg-destructive-subtle text-destructive-subtle-foreground",
        outline: "border-input bg-background text-foreground",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type BadgeProps = Omit<React.ComponentProps<"span">, "children"> &
  VariantProps<typeof badgeVariants> & {
    /** The status text. Required: a badge must never rely on colour alone. */
    children: React.ReactNode;
    asChild?: boolean;
  };

export function Badge({ className, variant, asChild = false, ...props }: BadgeProps) {
  const Comp = asChild ? Slot.Root : "span";
  return (
    <Comp
      data-slot="badge"
      data-variant={variant ?? "default"}
      className={cn(badgeVariants({ variant }), className)}
      {...props}
    />
  );
}
