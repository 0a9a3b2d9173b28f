import { isPermission, type Permission } from "@/lib/auth/catalogue";

// What the centre activity page shows of an audit row's details: the permissions added, removed
// or asked for, and the roles named. Anything else in the details is not for the centre.

export type ActivityDetails = {
  added: Permission[];
  removed: Permission[];
  permission: Permission | null;
  /** A role change's new role. */
  to: "ADMIN" | "USER" | null;
  /** The role of an account invited or deleted. */
  role: "EXAMS_OFFICER" | "ADMIN" | "USER" | null;
};

const CENTRE_ROLES = ["EXAMS_OFFICER", "ADMIN", "USER"] as const;

function permissions(list: unknown): Permission[] {
  return Array.isArray(list) ? list.filter(isPermission) : [];
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function activityDetails(details: unknown): ActivityDetails {
  const d = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
  return {
    added: permissions(d.added),
    removed: permissions(d.removed),
    permission: isPermission(d.permission) ? d.permission : null,
    to: oneOf(d.to, ["ADMIN", "USER"] as const),
    role: oneOf(d.role, CENTRE_ROLES),
  };
}
