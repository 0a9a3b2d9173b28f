import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { hasPermission } from "@/lib/auth/permissions";
import type { LiveSession } from "@/lib/data/identity/sessions";

// A2C keys (PRODUCT.md §Permissions: EO always, Admins when granted, Users never). A key is
// 256 random bits, shown once; only its SHA-256 and its first characters are stored.

export const KEY_PREFIX = "porth_a2c_";
const PREFIX_LENGTH = KEY_PREFIX.length + 8;

export const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export type Denied = { ok: false; formError: "forbidden" | "notFound" };
const FORBIDDEN: Denied = { ok: false, formError: "forbidden" };
const NOT_FOUND: Denied = { ok: false, formError: "notFound" };

function centreOf(session: LiveSession): string | null {
  if (session.pendingStep) return null;
  const { role, centreId, grants } = session.user;
  if (!centreId || (role !== "EXAMS_OFFICER" && role !== "ADMIN")) return null;
  return hasPermission({ role, grants: grants.map((g) => g.permission) }, "a2c") ? centreId : null;
}

export function canManageKeys(session: LiveSession): boolean {
  return centreOf(session) !== null;
}

export type KeyDto = {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listKeys(session: LiveSession): Promise<{ ok: true; keys: KeyDto[] } | Denied> {
  const centreId = centreOf(session);
  if (!centreId) return FORBIDDEN;
  const db = getPrisma();
  const keys = await db.a2CKey.findMany({ where: { centreId }, orderBy: { createdAt: "desc" } });
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

/** Makes a key and returns it in full — the only time it is ever available. */
export async function generateKey(
  session: LiveSession,
  name: string,
  now: Date,
): Promise<{ ok: true; id: string; key: string; prefix: string } | Denied> {
  const centreId = centreOf(session);
  if (!centreId) return FORBIDDEN;
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const prefix = key.slice(0, PREFIX_LENGTH);
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.a2CKey.create({
      data: { centreId, name, prefix, keyHash: hashKey(key), createdById: session.user.id, createdAt: now },
    });
    await audit(tx, {
      action: "a2c.key.created",
      outcome: "success",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId,
      details: { keyId: row.id, name, prefix },
      at: now,
    });
    return { ok: true as const, id: row.id, key, prefix };
  });
}

/** Revokes a key of the caller's centre (another centre's key is "not found"). Idempotent. */
export async function revokeKey(session: LiveSession, id: string, now: Date): Promise<{ ok: true } | Denied> {
  const centreId = centreOf(session);
  if (!centreId) return FORBIDDEN;
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.a2CKey.findFirst({ where: { id, centreId } });
    if (!row) return NOT_FOUND;
    if (row.revokedAt) return { ok: true as const };
    await tx.a2CKey.update({ where: { id }, data: { revokedAt: now } });
    await audit(tx, {
      action: "a2c.key.revoked",
      outcome: "success",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId,
      details: { keyId: id, prefix: row.prefix },
      at: now,
    });
    return { ok: true as const };
  });
}

export type A2CCaller = { keyId: string; centreId: string };

/** The live key behind a bearer token, or null (unknown, malformed or revoked). */
export async function authenticateKey(token: string | null): Promise<A2CCaller | null> {
  if (!token || !token.startsWith(KEY_PREFIX) || token.length > 200) return null;
  const row = await getPrisma().a2CKey.findUnique({
    where: { keyHash: hashKey(token) },
    select: { id: true, centreId: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  return { keyId: row.id, centreId: row.centreId };
}
