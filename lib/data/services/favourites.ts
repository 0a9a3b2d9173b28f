import "server-only";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, type Result } from "@/lib/auth/authorize";
import { canUseService, findService } from "@/lib/services/catalogue";
import { serviceSubjectOf } from "@/lib/services/subject";

// Favourite tiles on All Services (docs/product-rules.md, "All Services").

/** The keys of the caller's pinned tiles, oldest first. */
export async function listFavourites(): Promise<Result<{ favourites: string[] }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const rows = await getPrisma().favourite.findMany({
    where: { userId: auth.caller.userId },
    orderBy: { createdAt: "asc" },
    select: { serviceKey: true },
  });
  return { ok: true, favourites: rows.map((r) => r.serviceKey) };
}

/** Pins or unpins a tile; only a service the caller can use may be pinned. */
export async function toggleFavourite(key: string): Promise<Result<{ pinned: boolean }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const service = findService(key);
  if (!service || !canUseService(serviceSubjectOf(auth.caller), service)) return refuse("notFound");
  const db = getPrisma();
  const where = { userId_serviceKey: { userId: auth.caller.userId, serviceKey: key } };
  const existing = await db.favourite.findUnique({ where });
  if (existing) await db.favourite.delete({ where });
  else await db.favourite.create({ data: { userId: auth.caller.userId, serviceKey: key } });
  return { ok: true, pinned: !existing };
}
