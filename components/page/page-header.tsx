/** The top of every service page: the heading and, optionally, one line saying what the page is for. */
export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-3xl font-bold">{title}</h1>
      {lead ? <p className="max-w-prose text-lg">{lead}</p> : null}
      {children}
    </div>
  );
}
