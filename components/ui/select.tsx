import { ChevronDown } from "lucide-react";

import { cn } from "@/lib/utils";
import { controlClasses } from "./input";

export type SelectProps = React.ComponentProps<"select"> & {
  /** Classes for the wrapper that positions the chevron. */
  wrapperClassName?: string;
};

/**
 * A styled native <select>: keyboard, screen reader and no-JS behaviour come from the
 * browser. Pass <option>/<optgroup> children.
 */
export function Select({ className, wrapperClassName, multiple, ...props }: SelectProps) {
  return (
    <div data-slot="select-wrapper" className={cn("relative w-full", wrapperClassName)}>
      <select
        data-slot="select"
        multiple={multiple}
        className={cn(controlClasses, "min-h-11 py-2 pl-3", multiple ? "pr-3" : "appearance-none pr-10", className)}
        {...props}
      />
      {multiple ? null : (
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-foreground"
        />
      )}
    </div>
  );
}
