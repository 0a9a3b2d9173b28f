import { z } from "zod";

/** A record id as the portal makes them (cuid): letters, digits, "_" and "-". Anything else names no record. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
