"use client";

import { cloneElement, isValidElement } from "react";

import { cn } from "@/lib/utils";
import { Input, type InputProps } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ErrorList } from "./error-list";

/*
 * Accessible-by-default form parts for native `<form action>` + `useActionState`
 * (docs/architecture.md, "Layers"). The GOV.UK Design System error pattern: an
 * error summary at the top, and per field a message list between hint and control.
 * All visible text comes in as props, already translated. The parts live in components/forms/:
 * error-list.tsx, error-summary.tsx, submit-button.tsx and, here, Field and OtpField; all are
 * importable from this file.
 */

export { ErrorList, type ErrorListProps } from "./error-list";
export { FormErrorSummary, type FormErrorSummaryItem, type FormErrorSummaryProps } from "./error-summary";
export { SubmitButton, type SubmitButtonProps } from "./submit-button";

export const fieldHintId = (id: string) => `${id}-hint`;
export const fieldErrorId = (id: string) => `${id}-error`;

// ---------------------------------------------------------------- Field

/** Props Field passes to its control (a render-prop argument, or merged into a child element). */
export type FieldControlProps = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
};

export type FieldProps = Omit<InputProps, "id" | "name" | "children" | "required"> & {
  id: string;
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
  /** Visually hidden prefix for each error message, e.g. "Error:" / "Gwall:". */
  errorPrefix: string;
  /**
   * Sets `aria-required`. Deliberately not the native `required`: validation is the
   * server's, with translated messages, instead of the browser's bubbles.
   */
  required?: boolean;
  /** Control first, label beside it (single checkboxes). */
  inline?: boolean;
  /** Wrapper classes. `inputClassName` styles the default <Input>. */
  className?: string;
  labelClassName?: string;
  inputClassName?: string;
  /**
   * Custom control instead of the default <Input>: a render function receiving
   * FieldControlProps, or a single element (Select, Textarea, Checkbox…) into which
   * they are merged. Input props on Field are ignored when children are given.
   */
  children?: React.ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => React.ReactNode);
};

export function Field({
  id,
  name,
  label,
  hint,
  errors,
  errorPrefix,
  required = false,
  inline = false,
  className,
  labelClassName,
  inputClassName,
  children,
  ...inputProps
}: FieldProps) {
  const hasErrors = Boolean(errors?.length);
  const hintId = hint ? fieldHintId(id) : undefined;
  const errorId = hasErrors ? fieldErrorId(id) : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  const control: FieldControlProps = {
    id,
    name,
    "aria-invalid": hasErrors || undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
  };

  let rendered: React.ReactNode;
  if (typeof children === "function") rendered = children(control);
  else if (isValidElement(children)) rendered = cloneElement(children, control);
  else rendered = <Input {...inputProps} {...control} className={inputClassName} />;

  const hintNode = hint ? (
    <div id={hintId} data-slot="field-hint" className="text-muted-foreground">
      {hint}
    </div>
  ) : null;
  const errorNode = <ErrorList id={fieldErrorId(id)} errors={errors} errorPrefix={errorPrefix} />;
  const labelNode = (
    <Label htmlFor={id} className={labelClassName}>
      {label}
    </Label>
  );

  return (
    <div
      data-slot="field"
      data-invalid={hasErrors || undefined}
      className={cn(
        "flex min-w-0 flex-col gap-2",
        // A thick bar beside an invalid field: a cue that does not depend on colour.
        hasErrors && "border-l-4 border-destructive pl-3",
        className,
      )}
    >
      {inline ? (
        <>
          {errorNode}
          <div className="flex items-start gap-3">
            <div className="flex min-h-6 items-center pt-0.5">{rendered}</div>
            <div className="flex min-w-0 flex-col gap-1 pt-0.5">
              {labelNode}
              {hintNode}
            </div>
          </div>
        </>
      ) : (
        <>
          {labelNode}
          {hintNode}
          {errorNode}
          {rendered}
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- OtpField

export type OtpFieldProps = Omit<
  FieldProps,
  "children" | "type" | "inputMode" | "autoComplete" | "pattern" | "name"
> & { name?: string };

/**
 * One-time code: one input (not six boxes), numeric keypad, OS/password-manager autofill.
 * No `pattern`/`maxLength`: a pasted "123 456" must reach the server, which normalises it.
 */
export function OtpField({ name = "code", inputClassName, ...props }: OtpFieldProps) {
  return (
    <Field
      {...props}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      inputClassName={cn("max-w-56 font-mono text-xl tracking-[0.25em]", inputClassName)}
    />
  );
}
