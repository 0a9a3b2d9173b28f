import "server-only";
import { authorizeCentre, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";

// Centre Administration › General: the caller's own centre, read-only for every centre account
// (docs/product-rules.md ("Actors and roles")). The centre comes from the caller, never from the
// request.

export type CentreDetails = {
  number: string;
  nameEn: string;
  nameCy: string;
  /** One line per entry. */
  addressLines: string[];
  examsOfficer: { name: string; email: string } | null;
};

export async function getCentreDetails(): Promise<Result<CentreDetails>> {
  const auth = await authorizeCentre();
  if (!auth.ok) return auth;
  const row = await getPrisma().centre.findUnique({
    where: { id: auth.caller.centreId },
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
  if (!row) return refuse("notFound");
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
