import { cn } from "@/lib/utils";

export type LabelProps = React.ComponentProps<"label">;

/** A native <label>: works in server components and without JavaScript. */
export function Label({ className, ...props }: LabelProps) {
  return (
    <label
      data-slot="label"
      className={cn(
        "block text-base font-semibold leading-snug text-foreground",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-70",
        className,
      )}
      {...props}
    />
  );
}
