import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  PERMISSIONS,
  canAssign,
  canDeleteAccount,
  canInviteRole,
  effectivePermissions,
  entriesAccess,
  hasPermission,
  type Permission,
  type Subject,
} from "./permissions";

// docs/product-rules.md ("Permissions"), written out cell by cell: "A" always, "G" grantable, "-" never.
const TABLE: Record<Permission, Record<"EXAMS_OFFICER" | "ADMIN" | "USER", "A" | "G" | "-">> = {
  resources: { EXAMS_OFFICER: "A", ADMIN: "A", USER: "A" },
  a2c: { EXAMS_OFFICER: "A", ADMIN: "G", USER: "-" },
  iamis: { EXAMS_OFFICER: "A", ADMIN: "G", USER: "G" },
  access_arrangements: { EXAMS_OFFICER: "A", ADMIN: "G", USER: "G" },
  entries: { EXAMS_OFFICER: "A", ADMIN: "A", USER: "G" },
  results: { EXAMS_OFFICER: "A", ADMIN: "A", USER: "G" },
  scripts: { EXAMS_OFFICER: "A", ADMIN: "G", USER: "G" },
  question_papers: { EXAMS_OFFICER: "A", ADMIN: "A", USER: "-" },
  manage_users: { EXAMS_OFFICER: "A", ADMIN: "A", USER: "-" },
};

const ALL = [...PERMISSIONS];
const subject = (role: Role, grants: string[] = [], id = `${role}-1`, centreId: string | null = "c1"): Subject => ({
  id,
  role,
  centreId,
  grants,
});

describe("role × permission", () => {
  for (const permission of PERMISSIONS) {
    for (const role of ["EXAMS_OFFICER", "ADMIN", "USER"] as const) {
      const cell = TABLE[permission][role];
      it(`${role} / ${permission}: ${cell === "A" ? "always" : cell === "G" ? "only when granted" : "never"}`, () => {
        expect(hasPermission(subject(role, []), permission)).toBe(cell === "A");
        expect(hasPermission(subject(role, ALL), permission)).toBe(cell !== "-");
      });
    }
  }

  it("board staff and appointees hold no centre permission, whatever is stored", () => {
    for (const role of ["BOARD_STAFF", "APPOINTEE"] as const) expect(effectivePermissions(role, ALL)).toEqual([]);
  });

  it("entries: EO and Admins make entries, Users with the permission only view", () => {
    expect(entriesAccess(subject("EXAMS_OFFICER"))).toBe("make");
    expect(entriesAccess(subject("ADMIN"))).toBe("make");
    expect(entriesAccess(subject("USER", ["entries"]))).toBe("view");
    expect(entriesAccess(subject("USER"))).toBeNull();
  });
});

describe("who may invite, delete and assign", () => {
  it("invites: board → EO; EO/Admin → Admin, User; Users nobody", () => {
    expect(canInviteRole("BOARD_STAFF", "EXAMS_OFFICER")).toBe(true);
    expect(canInviteRole("BOARD_STAFF", "ADMIN")).toBe(false);
    for (const actor of ["EXAMS_OFFICER", "ADMIN"] as const) {
      expect(canInviteRole(actor, "ADMIN")).toBe(true);
      expect(canInviteRole(actor, "USER")).toBe(true);
      expect(canInviteRole(actor, "EXAMS_OFFICER")).toBe(false);
    }
    for (const role of ["ADMIN", "USER", "EXAMS_OFFICER"] as const) expect(canInviteRole("USER", role)).toBe(false);
  });

  it("deletes: EO/Admin delete Admins and Users of their centre, never the EO or themselves", () => {
    const eo = subject("EXAMS_OFFICER", [], "eo");
    const admin = subject("ADMIN", [], "admin");
    const user = subject("USER", [], "user");
    expect(canDeleteAccount(eo, admin)).toBe(true);
    expect(canDeleteAccount(admin, user)).toBe(true);
    expect(canDeleteAccount(admin, eo)).toBe(false);
    expect(canDeleteAccount(admin, admin)).toBe(false);
    expect(canDeleteAccount(user, subject("USER", [], "u2"))).toBe(false);
    expect(canDeleteAccount(eo, subject("USER", [], "other", "c2"))).toBe(false);
    expect(canDeleteAccount(subject("BOARD_STAFF", [], "b", null), eo)).toBe(true);
  });

  it("nobody grants what they do not hold, nor to themselves, nor across centres", () => {
    const eo = subject("EXAMS_OFFICER", [], "eo");
    const adminWithout = subject("ADMIN", [], "a1");
    const adminWith = subject("ADMIN", ["scripts"], "a2");
    const user = subject("USER", [], "u");
    expect(canAssign(eo, user, "scripts")).toBe(true);
    expect(canAssign(adminWithout, user, "scripts")).toBe(false);
    expect(canAssign(adminWith, user, "scripts")).toBe(true);
    expect(canAssign(adminWith, adminWith, "scripts")).toBe(false);
    expect(canAssign(eo, eo, "scripts")).toBe(false);
    expect(canAssign(eo, user, "a2c")).toBe(false); // never for Users
    expect(canAssign(eo, adminWithout, "a2c")).toBe(true);
    expect(canAssign(eo, subject("USER", [], "x", "c2"), "results")).toBe(false);
    expect(canAssign(user, subject("USER", [], "u2"), "results")).toBe(false);
  });
});
