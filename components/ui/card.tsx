import { cn } from "@/lib/utils";

export function Card({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="card"
      className={cn("flex min-w-0 flex-col gap-4 rounded-lg border bg-card p-4 text-card-foreground sm:p-6", className)}
      {...props}
    />
  );
}

export function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-header" className={cn("flex flex-col gap-1.5", className)} {...props} />;
}

type HeadingLevel = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";

export type CardTitleProps = React.ComponentProps<"h2"> & {
  /** Heading element; pick the level that fits the page outline. Defaults to h2. */
  as?: HeadingLevel;
};

export function CardTitle({ as: Comp = "h2", className, ...props }: CardTitleProps) {
  return (
    <Comp
      data-slot="card-title"
      className={cn("text-xl leading-tight font-bold text-foreground", className)}
      {...props}
    />
  );
}

export function CardDescription({ className, ...props }: React.ComponentProps<"p">) {
  return <p data-slot="card-description" className={cn("text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-content" className={cn("min-w-0", className)} {...props} />;
}

export function CardFooter({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-footer" className={cn("flex flex-wrap items-center gap-3", className)} {...props} />;
}
