"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Star } from "lucide-react";
import { toggleFavouriteAction } from "@/lib/actions/favourites";

export type Tile = {
  key: string;
  section: string;
  sectionTitle: string;
  title: string;
  description: string;
  href: string;
  haystack: string;
};

function TileCard({ tile, pinned }: { tile: Tile; pinned: boolean }) {
  const t = useTranslations("home");
  return (
    <li className="relative flex flex-col gap-2 rounded-lg border border-border bg-card p-4 shadow-sm">
      <h3 className="pr-12 text-lg font-semibold">
        <Link href={tile.href} className="underline-offset-4 hover:underline">
          {tile.title}
        </Link>
      </h3>
      <p className="text-muted-foreground">{tile.description}</p>
      <form action={toggleFavouriteAction} className="absolute top-2 right-2">
        <input type="hidden" name="key" value={tile.key} />
        <button
          type="submit"
          aria-pressed={pinned}
          aria-label={pinned ? t("unpin", { service: tile.title }) : t("pin", { service: tile.title })}
          className="inline-flex size-11 items-center justify-center rounded-md hover:bg-accent"
        >
          <Star aria-hidden="true" className={pinned ? "fill-current text-warning" : ""} />
        </button>
      </form>
    </li>
  );
}

/** Tiles by section with "Search all services" and "My Favourites" (docs/product-rules.md, "All Services"). */
export function ServicesGrid({
  tiles,
  favourites,
  initialQuery,
}: {
  tiles: Tile[];
  favourites: string[];
  initialQuery: string;
}) {
  const t = useTranslations("home");
  const [query, setQuery] = useState(initialQuery);
  const q = query.trim().toLowerCase();
  const shown = useMemo(() => (q ? tiles.filter((tile) => tile.haystack.includes(q)) : tiles), [q, tiles]);
  const pinned = favourites
    .map((key) => shown.find((tile) => tile.key === key))
    .filter((tile): tile is Tile => Boolean(tile));
  const sections = [...new Set(shown.map((tile) => tile.section))];

  return (
    <div className="flex flex-col gap-8">
      <form role="search" action="/" method="get" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-2">
        <label htmlFor="search" className="text-lg font-semibold">
          {t("searchLabel")}
        </label>
        <p id="search-hint" className="text-muted-foreground">
          {t("searchHint")}
        </p>
        <input
          id="search"
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="search-hint search-count"
          className="h-11 max-w-xl rounded-md border border-input px-3"
        />
        <p id="search-count" role="status" className="text-muted-foreground">
          {t("searchCount", { count: shown.length })}
        </p>
      </form>

      <section aria-labelledby="favourites-title">
        <h2 id="favourites-title" className="mb-3 text-2xl font-bold">
          {t("favouritesTitle")}
        </h2>
        {pinned.length ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="favourites">
            {pinned.map((tile) => (
              <TileCard key={tile.key} tile={tile} pinned />
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">{t("favouritesEmpty")}</p>
        )}
      </section>

      {sections.map((section) => {
        const inSection = shown.filter((tile) => tile.section === section);
        return (
          <section key={section} aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`} className="mb-3 text-2xl font-bold">
              {inSection[0].sectionTitle}
            </h2>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {inSection.map((tile) => (
                <TileCard key={tile.key} tile={tile} pinned={favourites.includes(tile.key)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
