import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language, ResourceKind } from "@/lib/generated/prisma/enums";
import { readStoredFile, type StoredFile } from "@/lib/files/store";
import { enteredSpecificationIds, FORBIDDEN, NOT_FOUND, resourceScope, type Caller, type Denied } from "./access";

// Past papers, mark schemes, support material and circulars (issue 6 §Resources). Every centre
// account holds the resources permission; `secure` items reach only centres with entries for
// the specification (any series); board staff see everything. Downloads go through
// app/api/files/resources/[id] → openResource, which re-checks all of this.

export type ResourceArea = "past-papers" | "support-material" | "circulars";

export const AREA_KINDS: Record<ResourceArea, readonly ResourceKind[]> = {
  "past-papers": ["PAST_PAPER", "MARK_SCHEME"],
  "support-material": ["SUPPORT"],
  circulars: ["CIRCULAR"],
};

export type ResourceFilter = {
  qualification?: string;
  specification?: string;
  kind?: string;
  year?: string;
  language?: string;
};

export type ResourceItem = {
  id: string;
  kind: ResourceKind;
  titleEn: string;
  titleCy: string;
  year: number;
  language: Language;
  secure: boolean;
  createdAt: Date;
  specification: {
    code: string;
    titleEn: string;
    titleCy: string;
    qualification: { code: string; nameEn: string; nameCy: string };
  } | null;
};

export type ResourceOptions = {
  qualifications: { code: string; nameEn: string; nameCy: string }[];
  specifications: { code: string; titleEn: string; titleCy: string; qualificationCode: string }[];
  kinds: ResourceKind[];
  years: number[];
  languages: Language[];
};

const ITEM_SELECT = {
  id: true,
  kind: true,
  titleEn: true,
  titleCy: true,
  year: true,
  language: true,
  secure: true,
  createdAt: true,
  specification: {
    select: {
      code: true,
      titleEn: true,
      titleCy: true,
      qualification: { select: { code: true, nameEn: true, nameCy: true } },
    },
  },
} satisfies Prisma.ResourceSelect;

/** The `where` that limits resources to what the caller may see (null: nothing at all). */
async function visibleWhere(caller: Caller | null | undefined): Promise<Prisma.ResourceWhereInput | null> {
  const scope = resourceScope(caller);
  if (!scope) return null;
  if (scope.all) return {};
  const specs = await enteredSpecificationIds(scope.centreId);
  return { OR: [{ secure: false }, { secure: true, specificationId: { in: specs } }] };
}

/** Narrows the filter to known values: anything else is ignored, never passed to the query. */
function filterWhere(area: ResourceArea, filter: ResourceFilter): Prisma.ResourceWhereInput {
  const kinds = AREA_KINDS[area];
  const where: Prisma.ResourceWhereInput = { kind: { in: [...kinds] } };
  if (filter.kind && (kinds as readonly string[]).includes(filter.kind)) where.kind = filter.kind as ResourceKind;
  if (filter.year && /^\d{4}$/.test(filter.year)) where.year = Number(filter.year);
  if (filter.language === "en" || filter.language === "cy") where.language = filter.language;
  const spec: Prisma.SpecificationWhereInput = {};
  if (filter.specification) spec.code = filter.specification.slice(0, 20);
  if (filter.qualification) spec.qualification = { code: filter.qualification.slice(0, 40) };
  if (Object.keys(spec).length > 0) where.specification = spec;
  return where;
}

/**
 * Resources of an area that the caller may see, filtered; plus the choices for the filter form.
 * Denied (forbidden) for callers without the resources permission.
 */
export async function listResources(
  caller: Caller | null | undefined,
  area: ResourceArea,
  filter: ResourceFilter = {},
): Promise<{ ok: true; items: ResourceItem[]; options: ResourceOptions; hiddenSecure: number } | Denied> {
  const visible = await visibleWhere(caller);
  if (!visible) return FORBIDDEN;
  const db = getPrisma();
  const areaWhere = { kind: { in: [...AREA_KINDS[area]] } };
  const [items, facets, qualifications, specifications, total] = await Promise.all([
    db.resource.findMany({
      where: { AND: [visible, filterWhere(area, filter)] },
      select: ITEM_SELECT,
      orderBy:
        area === "circulars"
          ? [{ year: "desc" }, { createdAt: "desc" }]
          : [{ specification: { code: "asc" } }, { year: "desc" }, { kind: "asc" }, { language: "asc" }],
      take: 500,
    }),
    db.resource.findMany({
      where: { AND: [visible, areaWhere] },
      select: { kind: true, year: true, language: true },
      distinct: ["kind", "year", "language"],
    }),
    db.qualification.findMany({ select: { code: true, nameEn: true, nameCy: true }, orderBy: { code: "asc" } }),
    db.specification.findMany({
      select: { code: true, titleEn: true, titleCy: true, qualification: { select: { code: true } } },
      orderBy: { code: "asc" },
    }),
    db.resource.count({ where: { AND: [areaWhere, filterWhere(area, filter)] } }),
  ]);
  const options: ResourceOptions = {
    qualifications,
    specifications: specifications.map((s) => ({
      code: s.code,
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      qualificationCode: s.qualification.code,
    })),
    kinds: [...new Set(facets.map((f) => f.kind))].sort(),
    years: [...new Set(facets.map((f) => f.year))].sort((a, b) => b - a),
    languages: [...new Set(facets.map((f) => f.language))].sort(),
  };
  // How many items matching the filter are held back because they are secure (never their titles).
  return { ok: true, items, options, hiddenSecure: Math.max(0, total - items.length) };
}

/** Circulars, newest first. */
export async function listCirculars(caller: Caller | null | undefined) {
  const result = await listResources(caller, "circulars");
  return result.ok ? { ok: true as const, items: result.items } : result;
}

export type OpenedFile = { file: StoredFile; fileKey: string };

/**
 * A resource's file, if the caller may have it: the resources permission, and for a secure
 * item an entry for its specification. Another centre's secure item is simply "not found".
 */
export async function openResource(
  caller: Caller | null | undefined,
  id: string,
): Promise<({ ok: true } & OpenedFile) | Denied> {
  const visible = await visibleWhere(caller);
  if (!visible) return FORBIDDEN;
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return NOT_FOUND;
  const resource = await getPrisma().resource.findFirst({
    where: { AND: [visible, { id }] },
    select: { fileKey: true },
  });
  if (!resource) return NOT_FOUND;
  const file = await readStoredFile(resource.fileKey);
  if (!file) return NOT_FOUND;
  return { ok: true, file, fileKey: resource.fileKey };
}
