import "server-only";
import { getPrisma } from "@/lib/db/client";
import { centreCaller, FORBIDDEN, type Caller, type Denied } from "@/lib/data/resources/access";

// Centre Administration › General: the caller's own centre, read-only for centre accounts
// (issue 6). The centre comes from the session, never from the request.

export type CentreDetails = {
  number: string;
  nameEn: string;
  nameCy: string;
  /** One line per entry. */
  addressLines: string[];
  examsOfficer: { name: string; email: string } | null;
};

export async function getCentreDetails(
  caller: Caller | null | undefined,
): Promise<({ ok: true } & CentreDetails) | Denied> {
  const centre = centreCaller(caller);
  if (!centre) return FORBIDDEN;
  const db = getPrisma();
  const row = await db.centre.findUnique({
    where: { id: centre.centreId },
    select: {
      number: true,
      nameEn: true,
      nameCy: true,
      address: true,
      users: {
        where: { role: "EXAMS_OFFICER" },
        select: { name: true, email: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  if (!row) return FORBIDDEN;
  return {
    ok: true,
    number: row.number,
    nameEn: row.nameEn,
    nameCy: row.nameCy,
    addressLines: row.address
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    examsOfficer: row.users[0] ?? null,
  };
}
