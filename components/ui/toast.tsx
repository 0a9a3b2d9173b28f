"use client";

import { Toast as ToastPrimitive } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";
import { X } from "lucide-react";

import { cn } from "@/lib/utils";

/**
 * `label` is announced with each toast (translated, e.g. "Notification" / "Hysbysiad");
 * Radix's default is English, so it is required here.
 */
export function ToastProvider(props: React.ComponentProps<typeof ToastPrimitive.Provider> & { label: string }) {
  return <ToastPrimitive.Provider {...props} />;
}

/**
 * `label` names the notifications landmark (translated). It may contain "{hotkey}",
 * which Radix replaces with the jump-to shortcut (F8 by default).
 */
export function ToastViewport({
  className,
  ...props
}: React.ComponentProps<typeof ToastPrimitive.Viewport> & { label: string }) {
  return (
    <ToastPrimitive.Viewport
      data-slot="toast-viewport"
      className={cn(
        "pointer-events-none fixed right-0 bottom-0 z-100 m-0 flex max-h-dvh w-full list-none flex-col gap-2 p-4 sm:max-w-md",
        className,
      )}
      {...props}
    />
  );
}

export const toastVariants = cva(
  [
    "group pointer-events-auto relative flex w-full items-start gap-3 rounded-md border border-l-8 p-4 pr-14 shadow-lg",
    "data-[state=open]:animate-slide-in data-[state=closed]:animate-fade-out",
    "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=end]:animate-fade-out",
  ],
  {
    variants: {
      variant: {
        default: "border-primary bg-background text-foreground",
        success: "border-success bg-success-subtle text-foreground",
        destructive: "border-destructive bg-destructive-subtle text-foreground",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type ToastProps = React.ComponentProps<typeof ToastPrimitive.Root> & VariantProps<typeof toastVariants>;

export function Toast({ className, variant, type, ...props }: ToastProps) {
  return (
    <ToastPrimitive.Root
      data-slot="toast"
      data-variant={variant ?? "default"}
      // Errors interrupt (assertive); everything else waits its turn (polite).
      type={type ?? (variant === "destructive" ? "foreground" : "background")}
      className={cn(toastVariants({ variant }), className)}
      {...props}
    />
  );
}

export function ToastTitle({ className, ...props }: React.ComponentProps<typeof ToastPrimitive.Title>) {
  return <ToastPrimitive.Title data-slot="toast-title" className={cn("font-bold", className)} {...props} />;
}

export function ToastDescription({ className, ...props }: React.ComponentProps<typeof ToastPrimitive.Description>) {
  return (
    <ToastPrimitive.Description data-slot="toast-description" className={cn("text-foreground", className)} {...props} />
  );
}

/** `altText` (required by Radix) tells screen reader users how to reach the action. */
export function ToastAction({ className, ...props }: React.ComponentProps<typeof ToastPrimitive.Action>) {
  return (
    <ToastPrimitive.Action
      data-slot="toast-action"
      className={cn(
        "inline-flex min-h-11 shrink-0 items-center justify-center rounded-md border-2 border-primary bg-background px-3 font-semibold text-primary hover:bg-secondary",
        className,
      )}
      {...props}
    />
  );
}

export function ToastClose({
  className,
  label,
  ...props
}: Omit<React.ComponentProps<typeof ToastPrimitive.Close>, "children"> & {
  /** Translated accessible name, e.g. "Dismiss" / "Diystyru". */
  label: string;
}) {
  return (
    <ToastPrimitive.Close
      data-slot="toast-close"
      className={cn(
        "absolute top-1 right-1 inline-flex size-11 items-center justify-center rounded-md text-foreground hover:bg-black/5",
        className,
      )}
      {...props}
    >
      <X aria-hidden="true" className="size-5" />
      <span className="sr-only">{label}</span>
    </ToastPrimitive.Close>
  );
}
