import "server-only";
import { authorize, authorizeCentre, refuse, type Refusal, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language, ResourceKind } from "@/lib/generated/prisma/enums";
import { readStoredFile, type StoredFile } from "@/lib/files/store";
import { AREA_KINDS, type ResourceArea, type ResourceFilter } from "@/lib/resources/areas";

// Past papers, mark schemes, support material, pre-release material and circulars
// (docs/product-rules.md ("Resources and question papers")). Every centre account holds the
// resources permission; `secure` items reach only centres with live entries for the
// specification (any series); pre-release material only centres with live entries for its
// specification in its series, and only from its `availableFrom`; conference agendas no centre
// at all. Board staff, who publish them, see everything. Downloads go through
// app/api/files/resources/[id] → openResource, which checks all of this again.

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

export type OpenedFile = { file: StoredFile; fileKey: string };

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

/**
 * The `where` that limits resources to what the caller may see: everything for board staff; for
 * a centre account holding "resources", open items and secure ones of specifications the centre
 * has live entries for (withdrawn entries do not count).
 */
async function visibleWhere(): Promise<
  { ok: true; where: Prisma.ResourceWhereInput; released: Prisma.ResourceWhereInput } | Refusal
> {
  const a = await authorize();
  if (!a.ok) return a;
  if (a.caller.role === "BOARD_STAFF") return { ok: true, where: {}, released: {} };
  const centre = await authorizeCentre("resources");
  if (!centre.ok) return centre;
  const rows = await getPrisma().entry.findMany({
    where: { centreId: centre.caller.centreId, status: "ENTERED" },
    distinct: ["seriesId", "specificationId"],
    select: { seriesId: true, specificationId: true },
  });
  const specs = [...new Set(rows.map((r) => r.specificationId))];
  // Nothing before its `availableFrom` (pre-release material), whatever else holds.
  const released: Prisma.ResourceWhereInput = {
    OR: [{ availableFrom: null }, { availableFrom: { lte: centre.at } }],
  };
  const where: Prisma.ResourceWhereInput = {
    AND: [
      released,
      {
        OR: [
          { kind: { notIn: ["PRE_RELEASE", "AGENDA"] }, secure: false },
          { kind: { notIn: ["PRE_RELEASE", "AGENDA"] }, secure: true, specificationId: { in: specs } },
          // An empty OR matches nothing: a centre without entries sees no pre-release material.
          { kind: "PRE_RELEASE", OR: rows.map((r) => ({ seriesId: r.seriesId, specificationId: r.specificationId })) },
        ],
      },
    ],
  };
  return { ok: true, where, released };
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

export type ResourceList = { items: ResourceItem[]; options: ResourceOptions; hiddenSecure: number };

/**
 * Resources of an area that the caller may see, filtered; the choices for the filter form; and
 * how many items matching the filter are held back because they are secure (never their titles).
 */
export async function listResources(area: ResourceArea, filter: ResourceFilter = {}): Promise<Result<ResourceList>> {
  const visible = await visibleWhere();
  if (!visible.ok) return visible;
  if (!(area in AREA_KINDS)) return refuse("notFound");
  const db = getPrisma();
  const areaWhere = { kind: { in: [...AREA_KINDS[area]] } };
  const [items, facets, qualifications, specifications, total] = await Promise.all([
    db.resource.findMany({
      where: { AND: [visible.where, filterWhere(area, filter)] },
      select: ITEM_SELECT,
      orderBy:
        area === "circulars"
          ? [{ year: "desc" }, { createdAt: "desc" }]
          : [{ specification: { code: "asc" } }, { year: "desc" }, { kind: "asc" }, { language: "asc" }],
      take: 500,
    }),
    db.resource.findMany({
      where: { AND: [visible.where, areaWhere] },
      select: { kind: true, year: true, language: true },
      distinct: ["kind", "year", "language"],
    }),
    db.qualification.findMany({ select: { code: true, nameEn: true, nameCy: true }, orderBy: { code: "asc" } }),
    db.specification.findMany({
      select: { code: true, titleEn: true, titleCy: true, qualification: { select: { code: true } } },
      orderBy: { code: "asc" },
    }),
    db.resource.count({ where: { AND: [visible.released, areaWhere, filterWhere(area, filter)] } }),
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
  return { ok: true, items, options, hiddenSecure: Math.max(0, total - items.length) };
}

/** Circulars, newest first. */
export async function listCirculars(): Promise<Result<{ items: ResourceItem[] }>> {
  const result = await listResources("circulars");
  return result.ok ? { ok: true, items: result.items } : result;
}

/**
 * A resource's file, if the caller may have it: the resources permission, and for a secure
 * item an entry for its specification. Another centre's secure item is simply "not found".
 */
export async function openResource(id: string): Promise<Result<OpenedFile>> {
  const visible = await visibleWhere();
  if (!visible.ok) return visible;
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return refuse("notFound");
  const resource = await getPrisma().resource.findFirst({
    where: { AND: [visible.where, { id }] },
    select: { fileKey: true },
  });
  if (!resource) return refuse("notFound");
  const file = await readStoredFile(resource.fileKey);
  if (!file) return refuse("notFound");
  return { ok: true, file, fileKey: resource.fileKey };
}
