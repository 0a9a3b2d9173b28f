import type { MarkValue } from "@/lib/marks/rules";

// The contract of the one mark grid (components/marks/mark-grid.tsx), shared by IAMIS, moderator
// mark input and examiner mark input: what a page passes in, and what its save action answers.

/** A question column (examiner marks per question); no columns → one "Mark" column for the total. */
export type GridQuestion = { label: string; maxMark: number };

export type GridMark = {
  value: MarkValue;
  /** 0 when nothing has been saved yet. */
  version: number;
  /** ISO instant of the last save, or null. */
  savedAt: string | null;
  /** Who saved it (a name), when known: shown beside a conflicting mark. */
  savedBy?: string | null;
};

export type GridRow = {
  entryId: string;
  candidateNumber: string;
  name: string;
  /** Shown in its own column when any row has one (e.g. an allocation spanning centres). */
  centreNumber?: string;
  /** Read-only context shown beside the mark, e.g. the centre's mark beside the moderator's. */
  reference?: string;
  mark: GridMark;
  /** This row cannot be changed (e.g. an examiner's submitted mark). */
  locked?: boolean;
};

/** What one save is: the browser's key for it, the version it was based on, the value. */
export type GridSave = { key: string; baseVersion: number; value: MarkValue };

/** A save action's answer. Messages are already translated. */
export type GridSaveResult =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; conflict: GridMark | null }
  | { ok: false; message: string };

export type MarkGridProps = {
  /** The table's caption (e.g. the component and centre). */
  caption: string;
  maxMark: number;
  questions: GridQuestion[];
  rows: GridRow[];
  /** Heading of the `reference` column, when rows have one. */
  referenceLabel?: string;
  /** Nothing can be typed (a submitted sheet). */
  readOnly?: boolean;
  /** A server action bound to the sheet or allocation: (entryId, save) → result. */
  save: (entryId: string, save: GridSave) => Promise<GridSaveResult>;
};
