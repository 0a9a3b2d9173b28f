// The permission catalogue (docs/product-rules.md, "Permissions"). Rules over it live in permissions.ts.
export const PERMISSIONS = [
  "resources",
  "a2c",
  "iamis",
  "access_arrangements",
  "entries",
  "results",
  "scripts",
  "question_papers",
  "manage_users",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}
