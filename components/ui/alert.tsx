import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

export const alertVariants = cva(
  "relative grid w-full min-w-0 grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-md border border-l-8 p-4 text-foreground",
  {
    variants: {
      variant: {
        info: "border-info bg-info-subtle [&>[data-slot=alert-icon]]:text-info",
        success: "border-success bg-success-subtle [&>[data-slot=alert-icon]]:text-success",
        warning: "border-warning bg-warning-subtle [&>[data-slot=alert-icon]]:text-warning-subtle-foreground",
        destructive: "border-destructive bg-destructive-subtle [&>[data-slot=alert-icon]]:text-destructive",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const icons: Record<NonNullable<VariantProps<typeof alertVariants>["variant"]>, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  destructive: CircleAlert,
};

export type AlertProps = React.ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /**
     * Announce the alert when it appears. `destructive` becomes role="alert"
     * (assertive); other variants become role="status" (polite). Without `live`
     * the alert is static content and has no role.
     */
    live?: boolean;
    /** Hide the decorative variant icon. */
    hideIcon?: boolean;
  };

export function Alert({ className, variant, live = false, hideIcon = false, role, children, ...props }: AlertProps) {
  const v = variant ?? "info";
  const Icon = icons[v];
  const liveRole = live ? (v === "destructive" ? "alert" : "status") : undefined;
  return (
    <div
      data-slot="alert"
      data-variant={v}
      role={role ?? liveRole}
      className={cn(alertVariants({ variant: v }), className)}
      {...props}
    >
      {hideIcon ? null : <Icon data-slot="alert-icon" aria-hidden="true" className="mt-0.5 size-5 shrink-0" />}
      <div className={cn("flex min-w-0 flex-col gap-1", hideIcon && "col-span-2")}>{children}</div>
    </div>
  );
}

export type AlertTitleProps = React.ComponentProps<"p"> & {
  /** Element to render; use a heading level when the alert starts a section. Defaults to p. */
  as?: "p" | "h2" | "h3" | "h4" | "h5" | "h6";
};

export function AlertTitle({ as: Comp = "p", className, ...props }: AlertTitleProps) {
  return <Comp data-slot="alert-title" className={cn("font-bold leading-snug", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("leading-normal [&_p:not(:last-child)]:mb-2", className)}
      {...props}
    />
  );
}
