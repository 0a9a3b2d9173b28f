import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Factories accept the client or a transaction client, so a whole seed can be one transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

let idCounter = 0;

/**
 * A collision-resistant id in the shape of a cuid (lower-case, starts with a letter, 25 chars),
 * made here so parent and child rows can be inserted with createMany in one go.
 */
export function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616; // 36^4
  return (
    "c" +
    Date.now().toString(36).padStart(9, "0") +
    idCounter.toString(36).padStart(4, "0") +
    randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0").slice(0, 11)
  );
}

/** Split rows into chunks for createMany (PostgreSQL allows 65,535 bind parameters a statement). */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The file store directory (kept in step with the app's file store). */
export function filesDir(): string {
  return process.env.FILES_DIR ?? ".data/files";
}
