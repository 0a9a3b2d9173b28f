import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CandidateName } from "@/lib/data/access-arrangements/shared";
import { candidateName } from "@/components/access-arrangements/names";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

// The candidate picker: a search (a GET form) and its few matches as links, never a list of every
// candidate (a centre may have hundreds). `keep` carries the page's other query values along.
export async function CandidateSearch({
  action,
  find,
  found,
  link,
  keep = {},
  headingLevel = "h2",
}: {
  action: string;
  find: string;
  found: { candidates: CandidateName[]; total: number } | null;
  /** Where a match leads. */
  link: (candidateId: string) => string;
  keep?: Record<string, string>;
  headingLevel?: "h2" | "h3";
}) {
  const t = await getTranslations("accessArrangements.find");
  const Heading = headingLevel;
  return (
    <section aria-labelledby="find-title" className="flex flex-col gap-3">
      <Heading id="find-title" className={headingLevel === "h2" ? "text-2xl font-bold" : "text-xl font-bold"}>
        {t("title")}
      </Heading>
      <form
        method="get"
        action={action}
        role="search"
        aria-labelledby="find-title"
        className="flex flex-wrap items-end gap-2"
      >
        {Object.entries(keep).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <div className="flex flex-col gap-2">
          <Label htmlFor="find">{t("label")}</Label>
          <span id="find-hint" className="text-muted-foreground">
            {t("hint")}
          </span>
          <Input
            id="find"
            name="find"
            type="search"
            defaultValue={find}
            aria-describedby="find-hint"
            autoComplete="off"
            className="w-72 max-w-full"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("submit")}
        </Button>
      </form>
      {found && find ? (
        found.total === 0 ? (
          <p role="status">{t("none", { q: find })}</p>
        ) : (
          <>
            <p role="status">
              {t("matches", { count: found.total, q: find })}
              {found.total > found.candidates.length ? ` ${t("more", { shown: found.candidates.length })}` : null}
            </p>
            <ul aria-label={t("resultsLabel")} className="flex flex-col gap-1">
              {found.candidates.map((c) => (
                <li key={c.id}>
                  <Link href={link(c.id)} className="underline">
                    {candidateName(c)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
