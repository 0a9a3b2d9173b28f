import { cn } from "@/lib/utils";
import { controlClasses } from "./input";

export type TextareaProps = React.ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(controlClasses, "min-h-24 resize-y px-3 py-2", className)}
      {...props}
    />
  );
}
