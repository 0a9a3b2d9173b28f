import type { Role } from "@/lib/generated/prisma/enums";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { SERVICES } from "./tiles";

export { SERVICES };

// docs/product-rules.md ("All Services"): the sections, what a tile is, and who may use it. The
// tiles themselves — each one's section, titles and descriptions in both languages, what it
// needs, and its route — are data in lib/services/tiles.ts. The home page, the header menu, the
// search and proxy.ts all read them through these functions.

export type Bilingual = { en: string; cy: string };
export type SectionKey =
  "key" | "centre" | "entries" | "exams" | "results" | "post" | "resources" | "appointees" | "board";

export const SECTIONS: Record<SectionKey, Bilingual> = {
  key: { en: "Key Information", cy: "Gwybodaeth Allweddol" },
  centre: { en: "Centre Administration", cy: "Gweinyddu'r Ganolfan" },
  entries: { en: "Entries & Registrations", cy: "Cofrestriadau ac ymgeiswyr" },
  exams: { en: "Examinations & Assessments", cy: "Arholiadau ac Asesiadau" },
  results: { en: "Results", cy: "Canlyniadau" },
  post: { en: "Post-results", cy: "Ar ôl y Canlyniadau" },
  resources: { en: "Resources", cy: "Adnoddau" },
  appointees: { en: "Appointees", cy: "Penodeion" },
  board: { en: "Board administration", cy: "Gweinyddu'r Bwrdd" },
};

export type Service = {
  key: string;
  section: SectionKey;
  title: Bilingual;
  description: Bilingual;
  /** The permission it needs, for centre accounts. */
  permission?: Permission;
  /** Roles that may see it at all. */
  roles: Role[];
  /** For appointees: which kind. */
  appointee?: "EXAMINER" | "MODERATOR";
  href: string;
};

export type ServiceSubject = { role: Role; grants: readonly string[]; appointeeType?: "EXAMINER" | "MODERATOR" | null };

/** Whether the tile is shown and the service usable (the page re-checks on the server). */
export function canUseService(subject: ServiceSubject, service: Service): boolean {
  if (!service.roles.includes(subject.role)) return false;
  if (service.appointee && subject.appointeeType !== service.appointee) return false;
  if (service.permission && !hasPermission(subject, service.permission)) return false;
  return true;
}

export function servicesFor(subject: ServiceSubject): Service[] {
  return SERVICES.filter((service) => canUseService(subject, service));
}

export function findService(key: string): Service | undefined {
  return SERVICES.find((service) => service.key === key);
}

/**
 * The service a path belongs to: /services/<key>, or the service whose href is the longest
 * prefix of the path. proxy.ts gates these paths by role and permission.
 */
export function findServiceForPath(path: string): Service | undefined {
  const planned = path.match(/^\/services\/([^/]+)/);
  if (planned) return findService(planned[1]);
  let best: Service | undefined;
  for (const service of SERVICES) {
    if (service.href.startsWith("/services/")) continue;
    if (
      (path === service.href || path.startsWith(`${service.href}/`)) &&
      (!best || service.href.length > best.href.length)
    )
      best = service;
  }
  return best;
}
