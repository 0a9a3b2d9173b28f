"use client";

import Link from "next/link";
import { LayoutGrid } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Button } from "@/components/ui/button";

export type MenuSection = { key: string; title: string; items: { key: string; title: string; href: string }[] };

/** The "All Services" menu in the header of every portal page. */
export function ServicesMenu({
  label,
  allLabel,
  sections,
}: {
  label: string;
  allLabel: string;
  sections: MenuSection[];
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="text-inherit hover:bg-white/10 hover:text-primary-foreground">
          <LayoutGrid aria-hidden="true" />
          {label}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-80 max-w-[calc(100vw-2rem)]">
        <DropdownMenuItem asChild>
          <Link href="/">{allLabel}</Link>
        </DropdownMenuItem>
        {sections.map((section) => (
          <DropdownMenuGroup key={section.key}>
            <DropdownMenuLabel>{section.title}</DropdownMenuLabel>
            {section.items.map((item) => (
              <DropdownMenuItem key={item.key} asChild>
                <Link href={item.href}>{item.title}</Link>
              </DropdownMenuItem>
            ))}
          </DropdownMenuGroup>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
