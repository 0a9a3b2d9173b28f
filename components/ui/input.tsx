import { cn } from "@/lib/utils";

export const controlClasses = [
  "w-full min-w-0 rounded-md border-2 border-input bg-background text-base text-foreground",
  "placeholder:text-muted-foreground",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70",
  "aria-invalid:border-destructive",
].join(" ");

export type InputProps = React.ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClasses,
        "min-h-11 px-3 py-2",
        "file:mr-3 file:border-0 file:bg-transparent file:font-semibold file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
