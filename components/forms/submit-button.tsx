"use client";

import { useFormStatus } from "react-dom";
import { LoaderCircle } from "lucide-react";

import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Shown (and announced) while the form's action runs, e.g. "Saving…" / "Yn cadw…". */
  pendingLabel: string;
};

/** Must be rendered inside the <form>. Disabled and aria-busy while the action is pending. */
export function SubmitButton({ pendingLabel, children, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <>
      <Button
        {...props}
        type="submit"
        disabled={disabled || pending}
        aria-busy={pending || undefined}
        data-pending={pending || undefined}
      >
        {pending ? (
          <>
            <LoaderCircle aria-hidden="true" className="motion-safe:animate-spin" />
            {pendingLabel}
          </>
        ) : (
          children
        )}
      </Button>
      {/* Present from the first render so the change is announced reliably. */}
      <span role="status" className="sr-only">
        {pending ? pendingLabel : ""}
      </span>
    </>
  );
}
