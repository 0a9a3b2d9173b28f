"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { MarkValue } from "@/lib/marks/rules";
import { initialRow, isUnsaved, reduceRow, type RowSave, type SaveEvent } from "./autosave-machine";
import { newSaveKey } from "./grid-logic";
import type { GridRow, MarkGridProps } from "./grid-types";

// Runs each row's autosave machine (components/marks/autosave-machine.ts): a value typed is
// sent half a second after the last keystroke, one save per row at a time; a save that fails
// on the network is tried again with the same key after a growing wait (at once when the
// browser comes back online); the page warns before it is left while anything is unsaved.

export const DEBOUNCE_MS = 500;

export function useAutosave(rows: readonly GridRow[], save: MarkGridProps["save"]) {
  const [state, setState] = useState<Record<string, RowSave>>(() =>
    Object.fromEntries(rows.map((r) => [r.entryId, initialRow(r.mark)])),
  );
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const debounce = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const retries = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const running = useRef(new Set<string>());

  const dispatch = useCallback((entryId: string, event: SaveEvent) => {
    setState((s) => (s[entryId] ? { ...s, [entryId]: reduceRow(s[entryId], event) } : s));
  }, []);

  /** A new value typed for a row (a valid one), or null when its cells do not make a mark. */
  const edit = useCallback(
    (entryId: string, value: MarkValue | null) => {
      const timer = debounce.current.get(entryId);
      if (timer) clearTimeout(timer);
      debounce.current.delete(entryId);
      dispatch(entryId, value ? { type: "edit", value } : { type: "invalid" });
    },
    [dispatch],
  );

  const choose = useCallback(
    (entryId: string, choice: "keepMine" | "useSaved") => dispatch(entryId, { type: choice }),
    [dispatch],
  );

  useEffect(() => {
    for (const [entryId, row] of Object.entries(state)) {
      // Typed and waiting: send once the typing stops.
      if (row.status === "pending" && !row.inFlight && !debounce.current.has(entryId)) {
        debounce.current.set(
          entryId,
          setTimeout(() => {
            debounce.current.delete(entryId);
            dispatch(entryId, { type: "send", key: newSaveKey() });
          }, DEBOUNCE_MS),
        );
      }
      // A failed save: the same save again, after its wait.
      if (row.status === "retrying" && row.retryAt !== null && !retries.current.has(entryId)) {
        retries.current.set(
          entryId,
          setTimeout(
            () => {
              retries.current.delete(entryId);
              dispatch(entryId, { type: "retry" });
            },
            Math.max(0, row.retryAt - Date.now()),
          ),
        );
      }
      const f = row.inFlight;
      if (row.status === "saving" && f && !running.current.has(f.key)) {
        running.current.add(f.key);
        saveRef
          .current(entryId, { key: f.key, baseVersion: f.baseVersion, value: f.value })
          .then((result) => {
            if (result.ok)
              dispatch(entryId, { type: "saved", key: f.key, version: result.version, savedAt: result.savedAt });
            else if ("conflict" in result)
              dispatch(entryId, { type: "conflict", key: f.key, current: result.conflict });
            else dispatch(entryId, { type: "refused", key: f.key, message: result.message });
          })
          .catch(() => dispatch(entryId, { type: "failed", key: f.key, now: Date.now() }))
          .finally(() => running.current.delete(f.key));
      }
    }
  }, [state, dispatch]);

  // Back online: every waiting retry goes now.
  useEffect(() => {
    const online = () => {
      for (const [entryId, timer] of retries.current) {
        clearTimeout(timer);
        retries.current.delete(entryId);
        dispatch(entryId, { type: "retry" });
      }
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [dispatch]);

  useEffect(() => {
    const timers = [debounce.current, retries.current];
    return () =>
      timers.forEach((m) => {
        m.forEach((t) => clearTimeout(t));
        m.clear();
      });
  }, []);

  const unsaved = Object.values(state).some(isUnsaved);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { state, edit, choose, unsaved };
}
