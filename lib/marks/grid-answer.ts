import "server-only";
import { getTranslations } from "next-intl/server";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import type { GridSaveResult } from "@/components/marks/grid-types";
import type { MarkValue } from "./rules";

// How the three mark grids' save actions (IAMIS, moderation, examiner mark input) answer the grid
// (components/marks/grid-types.ts): the data layer's save outcome, with its message translated.

/** A refusal's message key in the reader's language: the mark rules' own ("marks.overMax") or the errors namespace's. */
export async function markMessage(key: string): Promise<string> {
  const t = await getTranslations();
  const full = key.startsWith("marks.") ? key : `errors.${key}`;
  return t.has(full as never) ? t(full as never) : t("errors.generic");
}

type Current = { value: MarkValue; version: number; savedAt: Date; savedBy?: string | null };

/** A save's outcome: saved, stale (the mark as it now is and, when known, who saved it), or refused. */
export type SaveAnswer =
  | { ok: true; version: number; savedAt: Date }
  | { ok: false; error: "conflict"; current: Current | null; savedBy?: string | null }
  | Refusal;

/** The outcome as the grid takes it. */
export async function gridAnswer(result: SaveAnswer): Promise<GridSaveResult> {
  if (result.ok) return { ok: true, version: result.version, savedAt: result.savedAt.toISOString() };
  if ("current" in result) {
    const c = result.current;
    if (!c) return { ok: false, conflict: null };
    const savedBy = c.savedBy !== undefined ? c.savedBy : result.savedBy;
    return {
      ok: false,
      conflict: {
        value: c.value,
        version: c.version,
        savedAt: c.savedAt.toISOString(),
        ...(savedBy !== undefined ? { savedBy } : {}),
      },
    };
  }
  return { ok: false, message: await markMessage(messageKeyOf(result)) };
}
