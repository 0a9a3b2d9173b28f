"use client";

import { useEffect, useRef } from "react";

import { cn } from "@/lib/utils";

// The error summary at the top of a form, the GOV.UK Design System pattern (the per-field
// messages are components/forms/error-list.tsx).

export type FormErrorSummaryItem = {
  /** Translated message. */
  message: string;
  /** id of the control to link to; omit for form-level errors. */
  fieldId?: string;
};

export type FormErrorSummaryProps = {
  /** Heading, e.g. "There is a problem" / "Mae problem wedi codi". */
  title: string;
  errors?: FormErrorSummaryItem[];
  headingLevel?: "h2" | "h3";
  /**
   * Optional: pass the action state object to refocus the summary after every submission,
   * even when the messages are unchanged. Without it the summary is focused when its
   * messages change, or when focus has been lost (e.g. the submit button was disabled).
   */
  focusKey?: unknown;
  className?: string;
};

/**
 * Summary box at the top of a form. Focused whenever a new `errors` array with entries
 * arrives (each action result), so screen readers announce it and keyboard users
 * start from it. Each entry links to its field.
 */
export function FormErrorSummary({
  title,
  errors,
  headingLevel: Heading = "h2",
  focusKey,
  className,
}: FormErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(errors?.length);
  // Callers often build `errors` afresh on every render: key on content, not identity,
  // so re-renders while the user is typing never pull focus away from their field.
  const signature = hasErrors ? JSON.stringify(errors) : "";
  const lastSignature = useRef("");
  const lastFocusKey = useRef<unknown>(undefined);

  useEffect(() => {
    if (!hasErrors) {
      lastSignature.current = "";
      return;
    }
    const active = document.activeElement;
    const focusLost = !active || active === document.body;
    const changed =
      signature !== lastSignature.current || (focusKey !== undefined && focusKey !== lastFocusKey.current);
    lastSignature.current = signature;
    lastFocusKey.current = focusKey;
    if (changed || focusLost) ref.current?.focus();
    // `errors` identity is a dependency so a fresh result re-checks for lost focus.
  }, [errors, hasErrors, signature, focusKey]);

  if (!hasErrors) return null;

  return (
    <div
      ref={ref}
      tabIndex={-1}
      data-slot="form-error-summary"
      className={cn("rounded-md border-4 border-destructive bg-background p-4 sm:p-6", className)}
    >
      <div role="alert">
        <Heading className="mb-3 text-xl font-bold text-foreground">{title}</Heading>
        <ul className="flex flex-col gap-2">
          {errors!.map((error, i) => (
            <li key={`${i}-${error.fieldId ?? ""}`} className="font-semibold">
              {error.fieldId ? (
                <a
                  href={`#${error.fieldId}`}
                  className="text-destructive hover:text-destructive-hover"
                  onClick={(event) => focusField(event, error.fieldId!)}
                >
                  {error.message}
                </a>
              ) : (
                <span className="text-destructive">{error.message}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

// Focus the control and bring its label into view (the GOV.UK error-summary behaviour);
// without JavaScript the plain fragment link still works.
function focusField(event: React.MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const target = document.getElementById(fieldId);
  if (!target) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (label ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}
