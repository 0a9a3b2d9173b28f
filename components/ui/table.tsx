import { cn } from "@/lib/utils";

// The parts of a data table. The table itself (its scroll region, ./table-scroll.tsx) runs in
// the browser; rows and cells are plain elements with no client component per cell. A table of
// tens or hundreds of rows draws its rows in one client component from a list of texts
// (docs/decisions/025-long-tables.md, e.g. components/results/result-rows.tsx).
export { Table, type TableProps } from "./table-scroll";

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return (
    <thead data-slot="table-header" className={cn("[&_tr]:border-b-2 [&_tr]:border-input", className)} {...props} />
  );
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("border-t-2 border-input bg-muted font-semibold", className)}
      {...props}
    />
  );
}

// Rows and cells carry no classes of their own: app/globals.css styles every data table's rows
// and cells once (a table of a hundred rows is not a hundred copies of the same classes), in the
// components layer, so a class given here still wins.
export function TableRow(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

/** Header cell; `scope="col"` by default — pass `scope="row"` for row headers in the body. */
export function TableHead({ scope = "col", ...props }: React.ComponentProps<"th">) {
  return <th scope={scope} {...props} />;
}

export function TableCell(props: React.ComponentProps<"td">) {
  return <td {...props} />;
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("mb-2 text-left font-semibold text-foreground", className)}
      {...props}
    />
  );
}
