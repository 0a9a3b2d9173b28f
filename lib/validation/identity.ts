import { z } from "zod";

// Shared by client and server. Messages are keys of the "errors" namespace.
export const emailSchema = z
  .string()
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"));

export const codeSchema = z.string().trim().min(1, "codeRequired").max(40, "invalidCode");

export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "generic";
}
