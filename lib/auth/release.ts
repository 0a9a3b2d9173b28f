import type { Role } from "@/lib/generated/prisma/enums";
import type { Permission } from "./catalogue";

// The results release rule (docs/product-rules.md, "Results embargo"), the only place it is
// written. Everything that shows results or what hangs off them — results pages and files,
// reviews of marking, marked scripts, the A2C API, the home page's dates, the cookie's
// countdown claim — asks `releaseFor`.

/** The services whose data is released with a series' results. */
export type ReleasedService = "results" | "reviews" | "scripts" | "a2c";

/** Who is asking: a person (role, effective permissions, centre), or a centre's A2C key. */
export type ReleaseSubject =
  | { kind?: "person"; role: Role; permissions: readonly Permission[]; centreId: string | null }
  | { kind: "a2c-key"; centreId: string };

export type ReleaseTimes = { restrictedReleaseAt: Date; releaseAt: Date };

/** The permission each service needs of a person. */
const NEEDS: Record<Exclude<ReleasedService, "a2c">, Permission> = {
  results: "results",
  reviews: "results",
  scripts: "scripts",
};

/**
 * When `subject` may first see `service` for a series, or null when never: exams officers and
 * admins holding the service's permission from the restricted release, users holding it from
 * 08:00 on results day, an A2C key (the centre's machine, made by its EO or an Admin) from the
 * restricted release; nobody without a centre, ever.
 */
export function releaseFor(subject: ReleaseSubject, series: ReleaseTimes, service: ReleasedService): Date | null {
  if (!subject.centreId) return null;
  if (subject.kind === "a2c-key") return service === "a2c" ? series.restrictedReleaseAt : null;
  if (service === "a2c" || !subject.permissions.includes(NEEDS[service])) return null;
  if (subject.role === "EXAMS_OFFICER" || subject.role === "ADMIN") return series.restrictedReleaseAt;
  if (subject.role === "USER") return series.releaseAt;
  return null;
}

/** Whether `service` of the series is released to `subject` at `at`. */
export function isReleased(subject: ReleaseSubject, series: ReleaseTimes, service: ReleasedService, at: Date): boolean {
  const from = releaseFor(subject, series, service);
  return from !== null && at.getTime() >= from.getTime();
}
