"use client";

import { CircleAlert } from "lucide-react";

import { cn } from "@/lib/utils";

// A field's or a form's error messages (components/forms/field.tsx has the rest of the form parts).

export type ErrorListProps = {
  id: string;
  errors?: string[];
  /** Visually hidden prefix read before each message, e.g. "Error:" / "Gwall:". */
  errorPrefix: string;
  className?: string;
};

/** Field or form error messages. Renders nothing when there are none. */
export function ErrorList({ id, errors, errorPrefix, className }: ErrorListProps) {
  if (!errors?.length) return null;
  return (
    <ul id={id} data-slot="error-list" className={cn("flex flex-col gap-1", className)}>
      {errors.map((message, i) => (
        <li key={`${i}-${message}`} className="flex items-start gap-1.5 font-semibold text-destructive">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <span>
            <span className="sr-only">{errorPrefix} </span>
            {message}
          </span>
        </li>
      ))}
    </ul>
  );
}
