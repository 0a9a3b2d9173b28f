import "server-only";
import { getPrisma } from "@/lib/db/client";
import { canUseService, findService, type ServiceSubject } from "@/lib/services/catalogue";

export async function listFavourites(userId: string): Promise<string[]> {
  const rows = await getPrisma().favourite.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { serviceKey: true },
  });
  return rows.map((r) => r.serviceKey);
}

/** Pins or unpins a tile; only a service the user can use may be pinned. */
export async function toggleFavourite(user: ServiceSubject & { id: string }, key: string): Promise<boolean> {
  const service = findService(key);
  if (!service || !canUseService(user, service)) return false;
  const db = getPrisma();
  const where = { userId_serviceKey: { userId: user.id, serviceKey: key } };
  const existing = await db.favourite.findUnique({ where });
  if (existing) await db.favourite.delete({ where });
  else await db.favourite.create({ data: { userId: user.id, serviceKey: key } });
  return true;
}
