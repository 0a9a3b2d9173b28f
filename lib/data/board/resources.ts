import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import type { Language, ResourceKind } from "@/lib/generated/prisma/enums";
import { readPdfUpload } from "@/lib/board/pdf";
import { isUploadKind, KIND_RULES, resourceKey, secureFor, type UploadKind } from "@/lib/board/uploads";
import { codeOrEmpty } from "@/lib/validation/codes";
import { dropStoredFile, newFileVersion, putUploadedFile } from "./files";

// Board staff's documents (docs/product-rules.md ("Board uploads")): past papers, mark schemes,
// support material, circulars, pre-release material and the examiners' conference agendas.
// Board staff only. Each upload is a PDF checked by its content and size, written to the file
// store, and recorded with its audit row in one transaction; replacing the file or removing
// the document is audited the same way. Centres see them through lib/data/resources/resources.ts
// (pre-release material only from its `availableFrom`; agendas never) and download them through
// app/api/files/resources/[id], which checks again.

export type BoardDocument = {
  id: string;
  kind: ResourceKind;
  titleEn: string;
  titleCy: string;
  year: number;
  language: Language;
  secure: boolean;
  availableFrom: Date | null;
  createdAt: Date;
  specification: { code: string; titleEn: string; titleCy: string } | null;
  series: { code: string; nameEn: string; nameCy: string } | null;
  component: { code: string; titleEn: string; titleCy: string } | null;
  uploadedBy: string | null;
};

export type DocumentFilter = { kind?: string; specification?: string; series?: string };

/** Every document, newest first (the first 300 of a filter), with who uploaded it and the count per kind. */
export async function listDocuments(
  filter: DocumentFilter = {},
): Promise<Result<{ documents: BoardDocument[]; counts: Partial<Record<ResourceKind, number>>; total: number }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const spec = codeOrEmpty(filter.specification);
  const series = codeOrEmpty(filter.series);
  const where = {
    ...(isUploadKind(filter.kind) ? { kind: filter.kind } : {}),
    ...(spec ? { specification: { code: spec } } : {}),
    ...(series ? { series: { code: series } } : {}),
  };
  const [rows, total, grouped] = await Promise.all([
    db.resource.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 300,
      select: {
        id: true,
        kind: true,
        titleEn: true,
        titleCy: true,
        year: true,
        language: true,
        secure: true,
        availableFrom: true,
        createdAt: true,
        uploadedById: true,
        specification: { select: { code: true, titleEn: true, titleCy: true } },
        series: { select: { code: true, nameEn: true, nameCy: true } },
        component: { select: { code: true, titleEn: true, titleCy: true } },
      },
    }),
    db.resource.count({ where }),
    db.resource.groupBy({ by: ["kind"], _count: { _all: true } }),
  ]);
  const uploaderIds = [...new Set(rows.map((r) => r.uploadedById).filter((id): id is string => Boolean(id)))];
  const uploaders = new Map(
    (await db.user.findMany({ where: { id: { in: uploaderIds } }, select: { id: true, name: true, email: true } })).map(
      (u) => [u.id, u.name || u.email],
    ),
  );
  return {
    ok: true,
    total,
    counts: Object.fromEntries(grouped.map((g) => [g.kind, g._count._all])),
    documents: rows.map(({ uploadedById, ...r }) => ({
      ...r,
      uploadedBy: uploadedById ? (uploaders.get(uploadedById) ?? null) : null,
    })),
  };
}

export type DocumentInput = {
  kind: UploadKind;
  /** Codes, "" when not given. */
  specification: string;
  series: string;
  component: string;
  year: number;
  language: Language;
  secure: boolean;
  titleEn: string;
  titleCy: string;
  availableFrom: Date | null;
};

/**
 * Uploads a document. `null` is a form that did not parse: refused as "invalid" once the caller
 * is known to be board staff. What the kind needs (lib/board/uploads.ts KIND_RULES) must be
 * given and known; the file must be a PDF within the size limit. Nothing is stored otherwise.
 */
export async function uploadDocument(input: DocumentInput | null, file: unknown): Promise<Result<{ id: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!input) return refuse("invalid");
  const rule = KIND_RULES[input.kind];
  const db = getPrisma();

  let specification: { id: string; code: string } | null = null;
  let series: { id: string; code: string } | null = null;
  let component: { id: string; code: string; specificationId: string } | null = null;
  if (rule.specification === "required") {
    if (!input.specification) return refuse("invalid", "uploadSpecificationRequired");
    specification = await db.specification.findUnique({
      where: { code: input.specification },
      select: { id: true, code: true },
    });
    if (!specification) return refuse("invalid", "uploadSpecificationUnknown");
  }
  if (rule.series) {
    if (!input.series) return refuse("invalid", "uploadSeriesRequired");
    series = await db.series.findUnique({ where: { code: input.series }, select: { id: true, code: true } });
    if (!series) return refuse("invalid", "uploadSeriesUnknown");
  }
  if (rule.component) {
    if (!input.component) return refuse("invalid", "uploadComponentRequired");
    component = await db.component.findUnique({
      where: { code: input.component },
      select: { id: true, code: true, specificationId: true },
    });
    if (!component) return refuse("invalid", "uploadComponentUnknown");
  }
  if (rule.availableFrom && !input.availableFrom) return refuse("invalid", "uploadAvailableFromRequired");

  const upload = await readPdfUpload(file);
  if (!upload.ok) return refuse("invalid", upload.problem);
  const fileKey = resourceKey(
    {
      kind: input.kind,
      year: input.year,
      language: input.language,
      specification: specification?.code,
      series: series?.code,
      component: component?.code,
    },
    newFileVersion(),
  );
  if (!(await putUploadedFile(fileKey, upload.bytes))) return refuse("unavailable");
  const { ip } = await requestInfo();
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.resource.create({
        data: {
          kind: input.kind,
          specificationId: specification?.id ?? component?.specificationId ?? null,
          seriesId: series?.id ?? null,
          componentId: component?.id ?? null,
          titleEn: input.titleEn,
          titleCy: input.titleCy,
          year: input.year,
          language: input.language,
          secure: secureFor(input.kind, input.secure),
          availableFrom: rule.availableFrom ? input.availableFrom : null,
          fileKey,
          uploadedById: caller.userId,
          createdAt: at,
        },
      });
      await audit(tx, {
        action: "resource.uploaded",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: {
          resourceId: row.id,
          kind: row.kind,
          specification: specification?.code ?? null,
          series: series?.code ?? null,
          component: component?.code ?? null,
          year: row.year,
          language: row.language,
          secure: row.secure,
          availableFrom: row.availableFrom?.toISOString() ?? null,
          fileKey,
          bytes: upload.bytes.length,
        },
        at,
      });
      return row;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    await dropStoredFile(fileKey);
    throw error;
  }
}

/** Replaces a document's file (same details), audited; the old file is removed once the row names the new one. */
export async function replaceDocumentFile(id: string, file: unknown): Promise<Result<{ id: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  const db = getPrisma();
  const current = await db.resource.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      year: true,
      language: true,
      fileKey: true,
      specification: { select: { code: true } },
      series: { select: { code: true } },
      component: { select: { code: true } },
    },
  });
  if (!current) return refuse("notFound");
  const upload = await readPdfUpload(file);
  if (!upload.ok) return refuse("invalid", upload.problem);
  const kind = isUploadKind(current.kind) ? current.kind : "SUPPORT";
  const fileKey = resourceKey(
    {
      kind,
      year: current.year,
      language: current.language,
      specification: current.specification?.code,
      series: current.series?.code,
      component: current.component?.code,
    },
    newFileVersion(),
  );
  if (!(await putUploadedFile(fileKey, upload.bytes))) return refuse("unavailable");
  const { ip } = await requestInfo();
  let replaced: boolean;
  try {
    replaced = await db.$transaction(async (tx) => {
      // Only if nobody replaced or removed it meanwhile: the old key is the one read above.
      const changed = await tx.resource.updateMany({
        where: { id, fileKey: current.fileKey },
        data: { fileKey, uploadedById: caller.userId },
      });
      if (changed.count === 0) return false;
      await audit(tx, {
        action: "resource.replaced",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: {
          resourceId: id,
          kind: current.kind,
          oldFileKey: current.fileKey,
          fileKey,
          bytes: upload.bytes.length,
        },
        at,
      });
      return true;
    });
  } catch (error) {
    await dropStoredFile(fileKey);
    throw error;
  }
  if (!replaced) {
    await dropStoredFile(fileKey);
    return refuse("conflict", "uploadChangedMeanwhile");
  }
  await dropStoredFile(current.fileKey);
  return { ok: true, id };
}

/** Removes a document and its file, audited. `confirmed`: the board ticked "yes, remove it". */
export async function removeDocument(id: string, confirmed: boolean): Promise<Result> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  if (confirmed !== true) return refuse("invalid", "uploadConfirmRemove");
  const { ip } = await requestInfo();
  const removed = await getPrisma().$transaction(async (tx) => {
    const row = await tx.resource.findUnique({
      where: { id },
      select: { id: true, kind: true, titleEn: true, fileKey: true, specification: { select: { code: true } } },
    });
    if (!row) return null;
    await tx.resource.delete({ where: { id } });
    await audit(tx, {
      action: "resource.removed",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      ip,
      details: {
        resourceId: id,
        kind: row.kind,
        title: row.titleEn,
        specification: row.specification?.code ?? null,
        fileKey: row.fileKey,
      },
      at,
    });
    return row;
  });
  if (!removed) return refuse("notFound");
  await dropStoredFile(removed.fileKey);
  return { ok: true };
}
