import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

/*
 * Target sizes: `default`, `lg` and `icon` are at least 44×44 px; `sm` is 36 px high,
 * still above the 24×24 px minimum of WCAG 2.5.8. Labels may wrap so buttons reflow at
 * 400% zoom instead of overflowing.
 */
export const buttonVariants = cva(
  [
    "inline-flex items-center justify-center gap-2 rounded-md border-2 border-transparent",
    "text-center font-semibold leading-tight no-underline transition-colors",
    "disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-5",
  ],
  {
    variants: {
      variant: {
        default: "bg-primary text-primary-foreground hover:bg-primary-hover hover:text-primary-foreground",
        secondary: "bg-secondary text-secondary-foreground hover:bg-secondary-hover hover:text-secondary-foreground",
        outline: "border-primary bg-background text-primary hover:bg-secondary hover:text-secondary-foreground",
        ghost: "bg-transparent text-foreground hover:bg-accent hover:text-accent-foreground",
        destructive:
          "bg-destructive text-destructive-foreground hover:bg-destructive-hover hover:text-destructive-foreground",
        link: "border-0 bg-transparent font-normal text-link underline underline-offset-4 hover:text-link-hover hover:decoration-[3px]",
      },
      size: {
        default: "min-h-11 min-w-11 px-4 py-2 text-base",
        sm: "min-h-9 min-w-9 px-3 py-1.5 text-sm",
        lg: "min-h-12 min-w-12 px-6 py-3 text-lg",
        icon: "size-11 p-0",
      },
    },
    compoundVariants: [{ variant: "link", class: "min-w-0 px-0" }],
    defaultVariants: {
      variant: "default",
      size: "default",
    },
  },
);

export type ButtonProps = React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    /** Render the single child (e.g. a Next `<Link>`) with button styles instead of a `<button>`. */
    asChild?: boolean;
  };

export function Button({ className, variant, size, asChild = false, type, ...props }: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      data-slot="button"
      data-variant={variant ?? "default"}
      // A plain <button> inside a form defaults to submit; make that explicit opt-in.
      type={asChild ? undefined : (type ?? "button")}
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}
