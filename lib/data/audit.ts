import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: string;
  outcome: "success" | "failure" | "denied";
  actorId?: string | null;
  actorEmail?: string;
  centreId?: string | null;
  targetUserId?: string | null;
  targetEmail?: string;
  ip?: string;
  details?: Prisma.InputJsonValue;
  at?: Date;
};

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

// internal: takes the transaction of the data function whose change it records
/** Writes one audit row. Callers pass their transaction so the event and the change commit
 *  together. Never pass a password, code or secret in `details`. */
export async function audit(tx: Tx, input: AuditInput) {
  await tx.auditEvent.create({
    data: {
      action: input.action,
      outcome: input.outcome,
      actorId: input.actorId ?? null,
      actorEmail: input.actorEmail ?? "",
      centreId: input.centreId ?? null,
      targetUserId: input.targetUserId ?? null,
      targetEmail: input.targetEmail ?? "",
      ip: input.ip ?? "",
      details: input.details,
      ...(input.at ? { at: input.at } : {}),
    },
  });
}
