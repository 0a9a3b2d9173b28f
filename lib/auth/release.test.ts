import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { effectivePermissions } from "./permissions";
import { isReleased, releaseFor, type ReleaseSubject, type ReleasedService } from "./release";

// The one results release rule (docs/product-rules.md, "Results embargo"), at its boundaries.

const series = { restrictedReleaseAt: new Date("2027-08-17T23:00:00Z"), releaseAt: new Date("2027-08-19T07:00:00Z") };
const justBefore = (d: Date) => new Date(d.getTime() - 1);

function person(role: Role, grants: string[] = [], centreId: string | null = "centre-1"): ReleaseSubject {
  return { role, permissions: effectivePermissions(role, grants), centreId };
}

const SERVICES: ReleasedService[] = ["results", "reviews", "scripts", "a2c"];

/** When each service is released to the subject (null = never). */
function releases(subject: ReleaseSubject): Record<ReleasedService, Date | null> {
  return Object.fromEntries(SERVICES.map((s) => [s, releaseFor(subject, series, s)])) as Record<
    ReleasedService,
    Date | null
  >;
}

describe("releaseFor", () => {
  const R = series.restrictedReleaseAt;
  const D = series.releaseAt;

  it("exams officers: results, reviews and scripts from the restricted release; the A2C API is the key's, not a person's", () => {
    expect(releases(person("EXAMS_OFFICER"))).toEqual({ results: R, reviews: R, scripts: R, a2c: null });
  });

  it("admins: results and reviews from the restricted release; scripts only with the permission", () => {
    expect(releases(person("ADMIN", []))).toEqual({ results: R, reviews: R, scripts: null, a2c: null });
    expect(releases(person("ADMIN", ["scripts", "a2c"]))).toEqual({ results: R, reviews: R, scripts: R, a2c: null });
  });

  it("users: only with the permission, and from 08:00 on results day", () => {
    expect(releases(person("USER"))).toEqual({ results: null, reviews: null, scripts: null, a2c: null });
    expect(releases(person("USER", ["results"]))).toEqual({ results: D, reviews: D, scripts: null, a2c: null });
    expect(releases(person("USER", ["scripts"]))).toEqual({ results: null, reviews: null, scripts: D, a2c: null });
  });

  it("board staff, appointees and anyone without a centre: never", () => {
    for (const subject of [
      person("BOARD_STAFF", [], null),
      person("APPOINTEE", [], null),
      person("EXAMS_OFFICER", [], null),
    ])
      expect(releases(subject)).toEqual({ results: null, reviews: null, scripts: null, a2c: null });
  });

  it("a centre's A2C key: the A2C API from the restricted release, nothing else", () => {
    expect(releases({ kind: "a2c-key", centreId: "centre-1" })).toEqual({
      results: null,
      reviews: null,
      scripts: null,
      a2c: R,
    });
  });
});

describe("isReleased", () => {
  it("is false a millisecond before the release and true from it", () => {
    const cases: [ReleaseSubject, ReleasedService, Date][] = [
      [person("EXAMS_OFFICER"), "results", series.restrictedReleaseAt],
      [person("ADMIN"), "reviews", series.restrictedReleaseAt],
      [person("EXAMS_OFFICER"), "scripts", series.restrictedReleaseAt],
      [person("USER", ["results"]), "results", series.releaseAt],
      [person("USER", ["results"]), "reviews", series.releaseAt],
      [person("USER", ["scripts"]), "scripts", series.releaseAt],
      [{ kind: "a2c-key", centreId: "centre-1" }, "a2c", series.restrictedReleaseAt],
    ];
    for (const [subject, service, from] of cases) {
      expect(isReleased(subject, series, service, justBefore(from)), `${service} before`).toBe(false);
      expect(isReleased(subject, series, service, from), `${service} at`).toBe(true);
    }
  });

  it("a user with the permission still waits after the restricted release", () => {
    expect(isReleased(person("USER", ["results"]), series, "results", series.restrictedReleaseAt)).toBe(false);
    expect(isReleased(person("USER", ["results"]), series, "results", justBefore(series.releaseAt))).toBe(false);
  });

  it("never, for those who never see it", () => {
    const later = new Date("2030-01-01T00:00:00Z");
    expect(isReleased(person("USER"), series, "results", later)).toBe(false);
    expect(isReleased(person("ADMIN"), series, "scripts", later)).toBe(false);
    expect(isReleased(person("EXAMS_OFFICER"), series, "a2c", later)).toBe(false);
    expect(isReleased({ kind: "a2c-key", centreId: "centre-1" }, series, "results", later)).toBe(false);
  });
});
