import type { ResourceKind } from "@/lib/generated/prisma/enums";

// The documents board staff upload (docs/product-rules.md ("Board uploads")): what each kind
// needs and where its file is kept in the file store (a form's London date and time is read by
// lib/board/series-times.ts). Pure: the actions' schemas and the data layer (lib/data/board/*) both use these.

export const UPLOAD_KINDS = [
  "PAST_PAPER",
  "MARK_SCHEME",
  "SUPPORT",
  "CIRCULAR",
  "PRE_RELEASE",
  "AGENDA",
] as const satisfies readonly ResourceKind[];
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export type KindRule = {
  /** A specification: required, or never (circulars are for everyone; an agenda takes its component's). */
  specification: "required" | "never";
  /** A series (pre-release material, agendas). */
  series: boolean;
  /** A component (an agenda is per component). */
  component: boolean;
  /** A date and time from which centres see it (pre-release material). */
  availableFrom: boolean;
  /** Secure: the board chooses, or it always is (pre-release, agendas), or never (circulars). */
  secure: "choice" | "always" | "never";
};

export const KIND_RULES: Record<UploadKind, KindRule> = {
  PAST_PAPER: { specification: "required", series: false, component: false, availableFrom: false, secure: "choice" },
  MARK_SCHEME: { specification: "required", series: false, component: false, availableFrom: false, secure: "choice" },
  SUPPORT: { specification: "required", series: false, component: false, availableFrom: false, secure: "choice" },
  CIRCULAR: { specification: "never", series: false, component: false, availableFrom: false, secure: "never" },
  PRE_RELEASE: { specification: "required", series: true, component: false, availableFrom: true, secure: "always" },
  AGENDA: { specification: "never", series: true, component: true, availableFrom: false, secure: "always" },
};

export function isUploadKind(value: unknown): value is UploadKind {
  return (UPLOAD_KINDS as readonly unknown[]).includes(value);
}

/** Whether the stored `secure` flag of a kind is `chosen` (for "choice") or fixed by the kind. */
export function secureFor(kind: UploadKind, chosen: boolean): boolean {
  const rule = KIND_RULES[kind].secure;
  return rule === "always" ? true : rule === "never" ? false : chosen;
}

/** The form field a refusal's reason is about (reasons of "invalid" and "conflict"); others are the form's. */
export const UPLOAD_FIELD_OF: Record<string, string> = {
  uploadSpecificationRequired: "specification",
  uploadSpecificationUnknown: "specification",
  uploadSeriesRequired: "series",
  uploadSeriesUnknown: "series",
  uploadComponentRequired: "component",
  uploadComponentUnknown: "component",
  uploadAvailableFromRequired: "availableDate",
  questionPaperExists: "component",
  uploadFileRequired: "file",
  uploadTooLarge: "file",
  uploadNotPdf: "file",
  uploadConfirmRemove: "confirm",
};

/** The years a document may be for. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

// ───────────────────────── file-store keys ─────────────────────────

/** A code as one file-store key segment: "9521/01" → "9521-01" (lib/files/keys.ts). */
export function keySegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  return cleaned.slice(0, 60) || "x";
}

const KIND_SLUG: Record<UploadKind, string> = {
  PAST_PAPER: "question-paper",
  MARK_SCHEME: "mark-scheme",
  SUPPORT: "support",
  CIRCULAR: "circular",
  PRE_RELEASE: "pre-release",
  AGENDA: "agenda",
};

/**
 * Where an uploaded document is kept. `version` (a few random characters) makes every upload's
 * key new, so a replacement never overwrites a file being downloaded. The download is named
 * after the key (lib/files/keys.ts downloadNameFor): "9521-2027-mark-scheme-en-3fa9c1.pdf".
 */
export function resourceKey(
  parts: {
    kind: UploadKind;
    year: number;
    language: string;
    specification?: string;
    series?: string;
    component?: string;
  },
  version: string,
): string {
  const v = keySegment(version);
  const lang = keySegment(parts.language);
  switch (parts.kind) {
    case "CIRCULAR":
      return `resources/circulars/${parts.year}-circular-${lang}-${v}.pdf`;
    case "PRE_RELEASE":
      return `pre-release/${keySegment(parts.series ?? "")}/${keySegment(parts.specification ?? "")}-pre-release-${lang}-${v}.pdf`;
    case "AGENDA":
      return `agendas/${keySegment(parts.series ?? "")}/${keySegment(parts.component ?? "")}-agenda-${lang}-${v}.pdf`;
    default:
      return `resources/${keySegment(parts.specification ?? "")}/${parts.year}/${KIND_SLUG[parts.kind]}-${lang}-${v}.pdf`;
  }
}

/** Where an uploaded question paper is kept: "question-papers/2027-06/9521-01-3fa9c1.pdf". */
export function questionPaperKey(series: string, component: string, version: string): string {
  return `question-papers/${keySegment(series)}/${keySegment(component)}-${keySegment(version)}.pdf`;
}

/** Where an uploaded marked script is kept: "scripts/2027-06/68101/0001-9521-01-3fa9c1.pdf". */
export function scriptKey(
  parts: { series: string; centre: string; candidate: string; component: string },
  version: string,
): string {
  return `scripts/${keySegment(parts.series)}/${keySegment(parts.centre)}/${keySegment(parts.candidate)}-${keySegment(parts.component)}-${keySegment(version)}.pdf`;
}
