import { Prisma } from "@/lib/generated/prisma/client";

/** A write refused by a unique index (Prisma P2002): two requests racing past the same check. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
