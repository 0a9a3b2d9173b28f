"use client";

import { cloneElement, isValidElement, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { CircleAlert, LoaderCircle } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Input, type InputProps } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/*
 * Accessible-by-default form parts for native `<form action>` + `useActionState`
 * (docs/architecture.md, "Layers"). The GOV.UK Design System error pattern: an
 * error summary at the top, and per field a message list between hint and control.
 * All visible text comes in as props, already translated.
 */

export const fieldHintId = (id: string) => `${id}-hint`;
export const fieldErrorId = (id: string) => `${id}-error`;

// ---------------------------------------------------------------- ErrorList

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

// ---------------------------------------------------------------- FormErrorSummary

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

// ---------------------------------------------------------------- SubmitButton

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
