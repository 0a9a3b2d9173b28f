import { cn } from "@/lib/utils";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type">;

/**
 * A native checkbox (24×24 px, WCAG 2.5.8), so it submits with the form and works
 * without JavaScript. Pair it with a <Label htmlFor> (the label enlarges the target).
 */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <input
      data-slot="checkbox"
      type="checkbox"
      className={cn(
        "size-6 shrink-0 cursor-pointer rounded-sm border-2 border-input accent-primary",
        "disabled:cursor-not-allowed disabled:opacity-60",
        // Invalid state as a red outline, except while focused (the focus ring wins).
        "aria-invalid:not-focus-visible:outline-2 aria-invalid:not-focus-visible:outline-offset-2 aria-invalid:not-focus-visible:outline-destructive",
        className,
      )}
      {...props}
    />
  );
}
