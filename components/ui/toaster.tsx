"use client";

import { useSyncExternalStore } from "react";

import { Toast, ToastAction, ToastClose, ToastDescription, ToastProvider, ToastTitle, ToastViewport } from "./toast";

export type ToastVariant = "default" | "success" | "destructive";

export type ToastInput = {
  title: React.ReactNode;
  description?: React.ReactNode;
  variant?: ToastVariant;
  /** ms before auto-dismiss; `Infinity` keeps it until dismissed. */
  duration?: number;
  action?: { label: string; altText: string; onClick: () => void };
};

type ToastItem = ToastInput & { id: string; open: boolean };

// A tiny module-level store: `toast()` can be called from anywhere on the client.
const TOAST_LIMIT = 3;
const REMOVE_DELAY_MS = 1000;

let items: ToastItem[] = [];
const listeners = new Set<() => void>();
let counter = 0;

function emit(next: ToastItem[]) {
  items = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = () => items;
const emptySnapshot: ToastItem[] = [];
const getServerSnapshot = () => emptySnapshot;

export function dismissToast(id?: string) {
  emit(items.map((t) => (id === undefined || t.id === id ? { ...t, open: false } : t)));
  // Keep the closed toast mounted briefly so Radix can run its exit animation.
  setTimeout(() => {
    emit(items.filter((t) => t.open || (id !== undefined && t.id !== id)));
  }, REMOVE_DELAY_MS);
}

/** Show a toast. Returns its id (for `dismissToast(id)`). Text must already be translated. */
export function toast(input: ToastInput): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  const id = `toast-${counter}`;
  emit([...items, { ...input, id, open: true }].slice(-TOAST_LIMIT));
  return id;
}

export function useToast() {
  const toasts = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  return { toasts, toast, dismiss: dismissToast };
}

export type ToasterProps = {
  /** Names the notifications region; may contain "{hotkey}" (e.g. "Notifications ({hotkey})"). */
  label: string;
  /** Announced with each toast, e.g. "Notification" / "Hysbysiad". */
  toastLabel: string;
  /** Accessible name of each toast's close button, e.g. "Dismiss" / "Diystyru". */
  closeLabel: string;
  /**
   * Default auto-dismiss time. Long by default (WCAG 2.2.1); Radix also pauses the timer
   * while the toast is hovered or focused. Destructive toasts never auto-dismiss.
   */
  duration?: number;
};

/** Mount once, in the root layout. */
export function Toaster({ label, toastLabel, closeLabel, duration = 8000 }: ToasterProps) {
  const { toasts } = useToast();
  return (
    <ToastProvider label={toastLabel} duration={duration}>
      {toasts.map(({ id, title, description, variant, action, open, duration: own }) => (
        <Toast
          key={id}
          variant={variant}
          open={open}
          duration={own ?? (variant === "destructive" ? Infinity : undefined)}
          onOpenChange={(next) => {
            if (!next) dismissToast(id);
          }}
        >
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <ToastTitle>{title}</ToastTitle>
            {description ? <ToastDescription>{description}</ToastDescription> : null}
          </div>
          {action ? (
            <ToastAction altText={action.altText} onClick={action.onClick}>
              {action.label}
            </ToastAction>
          ) : null}
          <ToastClose label={closeLabel} />
        </Toast>
      ))}
      <ToastViewport label={label} />
    </ToastProvider>
  );
}
