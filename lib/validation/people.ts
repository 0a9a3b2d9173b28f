import { z } from "zod";
import { isMultiLine, isSingleLine } from "./text";

// The person being invited (by an exams officer or admin, or by the board for an exams officer)
// and a new centre. Every message is a key of the "errors" namespace that reads on its own: an
// action's state carries keys only, never the values a message would need
// (lib/validation/action-state.ts), so no message here may take an argument.

/** Someone else's email address: "Enter their email address" when it is missing. */
export const inviteeEmailSchema = z
  .string()
  .trim()
  .min(1, "inviteeEmailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"));

/** The fields of an invitation: email, title, full name and job role. */
export const inviteeSchema = z.object({
  email: inviteeEmailSchema,
  title: z.string().trim().max(20, "personTitleTooLong").refine(isSingleLine, "invalid"),
  name: z.string().trim().min(1, "inviteeNameRequired").max(100, "fullNameTooLong").refine(isSingleLine, "invalid"),
  jobRole: z.string().trim().max(100, "jobRoleTooLong").refine(isSingleLine, "invalid"),
});

/** A new centre: its number, its names in both languages and an optional address. */
export const centreSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "centreNumberFormat"),
  nameEn: z
    .string()
    .trim()
    .min(1, "centreNameEnRequired")
    .max(200, "centreNameTooLong")
    .refine(isSingleLine, "invalid"),
  nameCy: z
    .string()
    .trim()
    .min(1, "centreNameCyRequired")
    .max(200, "centreNameTooLong")
    .refine(isSingleLine, "invalid"),
  address: z.string().trim().max(500, "addressTooLong").refine(isMultiLine, "invalid"),
});
