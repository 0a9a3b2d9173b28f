import "server-only";
import { authorizeBoard, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";

// What board staff's upload forms offer (lib/data/board/resources.ts, question-papers.ts): every
// series, specification and component, by code. Board staff only.

export type UploadChoices = {
  series: { code: string; nameEn: string; nameCy: string }[];
  specifications: { code: string; titleEn: string; titleCy: string; qualification: string }[];
  components: { code: string; titleEn: string; titleCy: string; specification: string; examAt: Date | null }[];
  /** The time of asking (a form's default year). */
  at: Date;
};

/** The series, specifications and components an upload form offers, by code. */
export async function uploadChoices(): Promise<Result<UploadChoices>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const [series, specifications, components] = await Promise.all([
    db.series.findMany({ select: { code: true, nameEn: true, nameCy: true }, orderBy: { resultsDay: "desc" } }),
    db.specification.findMany({
      select: { code: true, titleEn: true, titleCy: true, qualification: { select: { nameEn: true } } },
      orderBy: { code: "asc" },
    }),
    db.component.findMany({
      select: { code: true, titleEn: true, titleCy: true, examAt: true, specification: { select: { code: true } } },
      orderBy: { code: "asc" },
    }),
  ]);
  return {
    ok: true,
    at: auth.at,
    series,
    specifications: specifications.map((s) => ({
      code: s.code,
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      qualification: s.qualification.nameEn,
    })),
    components: components.map((c) => ({
      code: c.code,
      titleEn: c.titleEn,
      titleCy: c.titleCy,
      examAt: c.examAt,
      specification: c.specification.code,
    })),
  };
}
