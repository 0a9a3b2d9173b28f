import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { authorizeCentre, inCentre, refuse, type Result } from "@/lib/auth/authorize";
import { hashKey, looksLikeKey, newKeyValue, PREFIX_LENGTH } from "@/lib/a2c/key";
import { isSingleLine } from "@/lib/validation/text";
import { recordIdSchema } from "@/lib/validation/ids";
import type { Prisma } from "@/lib/generated/prisma/client";

// A2C keys (docs/product-rules.md ("Permissions", "A2C")): the Exams Officer always, Admins when
// granted the a2c permission, Users never. A key is shown once; only its SHA-256 and its first
// characters are stored (lib/a2c/key.ts).

export type KeyDto = {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The keys of the caller's centre, newest first. */
export async function listKeys(): Promise<Result<{ keys: KeyDto[] }>> {
  const auth = await authorizeCentre("a2c");
  if (!auth.ok) return auth;
  const db = getPrisma();
  const keys = await db.a2CKey.findMany({ where: inCentre(auth.caller), orderBy: { createdAt: "desc" } });
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(keys.map((k) => k.createdById))] } },
    select: { id: true, name: true, email: true },
  });
  const who = new Map(people.map((p) => [p.id, p.name || p.email]));
  return {
    ok: true,
    keys: keys.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      createdBy: who.get(k.createdById) ?? "",
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
    })),
  };
}

/** Makes a key for the caller's centre and returns it in full — the only time it is ever available. */
export async function generateKey(name: string): Promise<Result<{ id: string; key: string; prefix: string }>> {
  const auth = await authorizeCentre("a2c");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const label = typeof name === "string" ? name.trim() : "";
  if (!label || label.length > 60 || !isSingleLine(label)) return refuse("invalid");
  const key = newKeyValue();
  const prefix = key.slice(0, PREFIX_LENGTH);
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.a2CKey.create({
      data: {
        centreId: caller.centreId,
        name: label,
        prefix,
        keyHash: hashKey(key),
        createdById: caller.userId,
        createdAt: at,
      },
    });
    await audit(tx, {
      action: "a2c.key.created",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      details: { keyId: row.id, name: label, prefix },
      at,
    });
    return { ok: true as const, id: row.id, key, prefix };
  });
}

/** Revokes a key of the caller's centre (another centre's key is not found). Idempotent. */
export async function revokeKey(id: string): Promise<Result> {
  const auth = await authorizeCentre("a2c");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!recordIdSchema.safeParse(id).success) return refuse("notFound");
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.a2CKey.findFirst({ where: inCentre(caller, { id }) });
    if (!row) return refuse("notFound");
    if (row.revokedAt) return { ok: true as const };
    await tx.a2CKey.update({ where: { id }, data: { revokedAt: at } });
    await audit(tx, {
      action: "a2c.key.revoked",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      details: { keyId: id, prefix: row.prefix },
      at,
    });
    return { ok: true as const };
  });
}

export type KeyRevocationReason = "makerLostPermission" | "makerDeleted" | "makerReplaced";

// internal: runs inside the transaction of an authorized account change (lib/data/accounts/manage.ts, lib/data/board/centres.ts)
/**
 * A key works only while the person who made it may still make keys: when they lose the a2c
 * permission, are made a User, are deleted or replaced, every live key they made is revoked in
 * the same transaction, each with its audit row (docs/decisions/019-a2c-keys-follow-their-maker.md).
 * Returns the names of the keys revoked, for the notice to the centre's exams officer.
 */
export async function revokeKeysMadeBy(
  tx: Prisma.TransactionClient,
  input: { makerId: string; reason: KeyRevocationReason; actorId: string; actorEmail: string; ip: string; at: Date },
): Promise<{ centreId: string; names: string[] }[]> {
  const keys = await tx.a2CKey.findMany({
    where: { createdById: input.makerId, revokedAt: null },
    select: { id: true, name: true, prefix: true, centreId: true },
  });
  if (keys.length === 0) return [];
  await tx.a2CKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { revokedAt: input.at } });
  for (const key of keys) {
    await audit(tx, {
      action: "a2c.key.revoked",
      outcome: "success",
      actorId: input.actorId,
      actorEmail: input.actorEmail,
      centreId: key.centreId,
      targetUserId: input.makerId,
      ip: input.ip,
      details: { keyId: key.id, prefix: key.prefix, reason: input.reason },
      at: input.at,
    });
  }
  const byCentre = new Map<string, string[]>();
  for (const key of keys) byCentre.set(key.centreId, [...(byCentre.get(key.centreId) ?? []), key.name]);
  return [...byCentre].map(([centreId, names]) => ({ centreId, names }));
}

/** A centre's A2C key, as the release rule sees it (lib/auth/release.ts). */
export type A2CKey = Readonly<{ kind: "a2c-key"; keyId: string; centreId: string }>;

/** The keys authenticateKey answered with in this process: nothing else passes for one. */
const AUTHENTICATED = new WeakSet<A2CKey>();

// public: authenticates an A2C key, not a session
/** The live key behind a bearer token; unauthenticated when unknown, malformed or revoked. */
export async function authenticateKey(token?: string | null): Promise<Result<{ key: A2CKey }>> {
  if (!looksLikeKey(token)) return refuse("unauthenticated");
  const row = await getPrisma().a2CKey.findUnique({
    where: { keyHash: hashKey(token) },
    select: { id: true, centreId: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return refuse("unauthenticated");
  const key: A2CKey = Object.freeze({ kind: "a2c-key", keyId: row.id, centreId: row.centreId });
  AUTHENTICATED.add(key);
  return { ok: true, key };
}

// public: authenticates an A2C key, not a session
/**
 * The key itself when it came from authenticateKey, else unauthenticated: how a data function
 * serving the A2C API knows it was handed a key that was checked, never a centre id.
 */
export async function checkedKey(key?: A2CKey | null): Promise<Result<{ key: A2CKey }>> {
  return key && AUTHENTICATED.has(key) ? { ok: true, key } : refuse("unauthenticated");
}
