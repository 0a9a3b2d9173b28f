import type { MarkValue } from "@/lib/marks/rules";
import type { GridMark } from "./grid-types";

// One row's saving, as a pure state machine (components/marks/use-autosave.ts runs it): what
// was last saved and at which version, the save on its way (its key kept, so a retry after a
// network failure is the same save and never applies twice), what was typed since, and a
// conflict waiting for the person's choice. Nothing typed is dropped: a value leaves `wanted`
// only for `inFlight`, and leaves that only once saved, or into a conflict that shows it.

export type RowStatus = "saved" | "pending" | "saving" | "retrying" | "conflict" | "refused" | "invalid";

export type InFlight = { key: string; value: MarkValue; baseVersion: number; attempt: number };

export type RowSave = {
  version: number;
  saved: MarkValue;
  savedAt: string | null;
  /** Typed and not yet sent. */
  wanted: MarkValue | null;
  inFlight: InFlight | null;
  status: RowStatus;
  /** Someone else's save got there first: theirs, and what this person typed. */
  conflict: { mine: MarkValue; theirs: GridMark | null } | null;
  /** The server's (translated) reason for refusing the save. */
  message: string | null;
  /** When a failed save is tried again (ms since the epoch). */
  retryAt: number | null;
};

export type SaveEvent =
  | { type: "edit"; value: MarkValue }
  | { type: "invalid" }
  | { type: "send"; key: string }
  | { type: "retry" }
  | { type: "saved"; key: string; version: number; savedAt: string }
  | { type: "failed"; key: string; now: number }
  | { type: "conflict"; key: string; current: GridMark | null }
  | { type: "refused"; key: string; message: string }
  | { type: "keepMine" }
  | { type: "useSaved" };

export const same = (a: MarkValue | null | undefined, b: MarkValue | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function initialRow(mark: GridMark): RowSave {
  return {
    version: mark.version,
    saved: mark.value,
    savedAt: mark.savedAt,
    wanted: null,
    inFlight: null,
    status: "saved",
    conflict: null,
    message: null,
    retryAt: null,
  };
}

/** Wait before the n-th retry: 1 s, 2 s, 4 s … at most 30 s. */
export function backoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** Whether the row holds anything not yet saved (the page warns before it is left). */
export function isUnsaved(row: RowSave): boolean {
  return row.status !== "saved";
}

/** Nothing in flight: the status the row's values call for. */
function settled(row: RowSave): RowSave {
  if (row.wanted && same(row.wanted, row.saved)) row = { ...row, wanted: null };
  return { ...row, status: row.wanted ? "pending" : "saved", message: null, retryAt: null };
}

export function reduceRow(row: RowSave, event: SaveEvent): RowSave {
  const mine = (key: string) => row.inFlight !== null && row.inFlight.key === key;
  switch (event.type) {
    case "edit": {
      if (row.status === "conflict" && row.conflict)
        return { ...row, conflict: { ...row.conflict, mine: event.value } };
      if (row.inFlight) {
        const wanted = same(event.value, row.inFlight.value) ? null : event.value;
        return { ...row, wanted };
      }
      return settled({ ...row, wanted: event.value });
    }
    case "invalid":
      if (row.status === "conflict") return row;
      return row.inFlight ? { ...row, wanted: null } : { ...row, wanted: null, status: "invalid", message: null };
    case "send":
      if (row.inFlight || !row.wanted || row.status !== "pending") return row;
      return {
        ...row,
        inFlight: { key: event.key, value: row.wanted, baseVersion: row.version, attempt: 0 },
        wanted: null,
        status: "saving",
      };
    case "retry":
      if (!row.inFlight || row.status !== "retrying") return row;
      return { ...row, status: "saving", retryAt: null };
    case "saved":
      if (!mine(event.key)) return row;
      return settled({
        ...row,
        version: event.version,
        saved: row.inFlight!.value,
        savedAt: event.savedAt,
        inFlight: null,
      });
    case "failed": {
      if (!mine(event.key)) return row;
      const attempt = row.inFlight!.attempt + 1;
      return {
        ...row,
        inFlight: { ...row.inFlight!, attempt },
        status: "retrying",
        retryAt: event.now + backoff(attempt),
      };
    }
    case "conflict": {
      if (!mine(event.key)) return row;
      const typed = row.wanted ?? row.inFlight!.value;
      const base = { ...row, inFlight: null, wanted: null, retryAt: null, message: null };
      // Both sides typed the same: nothing to choose.
      if (event.current && same(event.current.value, typed))
        return settled({ ...base, version: event.current.version, saved: typed, savedAt: event.current.savedAt });
      return { ...base, status: "conflict", conflict: { mine: typed, theirs: event.current } };
    }
    case "refused":
      if (!mine(event.key)) return row;
      return {
        ...row,
        wanted: row.wanted ?? row.inFlight!.value,
        inFlight: null,
        status: "refused",
        message: event.message,
        retryAt: null,
      };
    case "keepMine": {
      if (row.status !== "conflict" || !row.conflict) return row;
      const theirs = row.conflict.theirs;
      return settled({
        ...row,
        version: theirs?.version ?? 0,
        saved: theirs?.value ?? { code: null, total: null, items: null },
        savedAt: theirs?.savedAt ?? null,
        wanted: row.conflict.mine,
        conflict: null,
      });
    }
    case "useSaved": {
      if (row.status !== "conflict" || !row.conflict) return row;
      const theirs = row.conflict.theirs;
      return settled({
        ...row,
        version: theirs?.version ?? 0,
        saved: theirs?.value ?? { code: null, total: null, items: null },
        savedAt: theirs?.savedAt ?? null,
        wanted: null,
        conflict: null,
      });
    }
  }
}
