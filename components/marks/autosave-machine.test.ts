import { describe, expect, it } from "vitest";
import { backoff, initialRow, isUnsaved, reduceRow, type RowSave, type SaveEvent } from "./autosave-machine";
import type { MarkValue } from "@/lib/marks/rules";

const mark = (total: number | null, code: "A" | "W" | null = null): MarkValue => ({ code, total, items: null });
const start = (version = 0, value = mark(null)) => initialRow({ value, version, savedAt: null });
const run = (row: RowSave, ...events: SaveEvent[]) => events.reduce(reduceRow, row);

describe("a row's autosave", () => {
  it("typed → pending → sent with a key and the version it is based on → saved", () => {
    let row = run(start(3, mark(10)), { type: "edit", value: mark(12) });
    expect(row.status).toBe("pending");
    expect(isUnsaved(row)).toBe(true);
    row = run(row, { type: "send", key: "k1" });
    expect(row.inFlight).toEqual({ key: "k1", value: mark(12), baseVersion: 3, attempt: 0 });
    expect(row.status).toBe("saving");
    row = run(row, { type: "saved", key: "k1", version: 4, savedAt: "2027-05-01T09:42:00.000Z" });
    expect(row).toMatchObject({ status: "saved", version: 4, saved: mark(12), inFlight: null, wanted: null });
    expect(row.savedAt).toBe("2027-05-01T09:42:00.000Z");
    expect(isUnsaved(row)).toBe(false);
  });

  it("typing back the saved mark leaves nothing to save", () => {
    const row = run(start(2, mark(10)), { type: "edit", value: mark(12) }, { type: "edit", value: mark(10) });
    expect(row.status).toBe("saved");
    expect(run(row, { type: "send", key: "k" }).inFlight).toBeNull();
  });

  it("a network failure keeps the save and retries it with the same key, waiting longer each time", () => {
    let row = run(start(), { type: "edit", value: mark(5) }, { type: "send", key: "k1" });
    row = run(row, { type: "failed", key: "k1", now: 1000 });
    expect(row).toMatchObject({ status: "retrying", retryAt: 2000 });
    expect(row.inFlight).toMatchObject({ key: "k1", attempt: 1 });
    expect(isUnsaved(row)).toBe(true);
    row = run(row, { type: "retry" }, { type: "failed", key: "k1", now: 5000 });
    expect(row).toMatchObject({ status: "retrying", retryAt: 7000 });
    row = run(row, { type: "retry" });
    expect(row.status).toBe("saving");
    expect(row.inFlight?.key).toBe("k1");
    row = run(row, { type: "saved", key: "k1", version: 1, savedAt: "2027-05-01T10:00:00.000Z" });
    expect(row.status).toBe("saved");
    expect([1, 2, 3, 4, 5, 6, 7].map(backoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it("what is typed while a save is on its way is sent after it, based on the new version", () => {
    let row = run(start(1), { type: "edit", value: mark(5) }, { type: "send", key: "k1" });
    row = run(row, { type: "edit", value: mark(6) });
    expect(run(row, { type: "send", key: "k2" }).inFlight?.key).toBe("k1"); // one save at a time
    row = run(row, { type: "saved", key: "k1", version: 2, savedAt: "2027-05-01T10:00:00.000Z" });
    expect(row).toMatchObject({ status: "pending", wanted: mark(6), version: 2 });
    row = run(row, { type: "send", key: "k2" });
    expect(row.inFlight).toEqual({ key: "k2", value: mark(6), baseVersion: 2, attempt: 0 });
  });

  it("an answer to another save is ignored", () => {
    const row = run(start(), { type: "edit", value: mark(5) }, { type: "send", key: "k1" });
    expect(run(row, { type: "saved", key: "old", version: 9, savedAt: "x" })).toBe(row);
  });

  it("a conflict shows both marks; keep mine re-saves on the saved version", () => {
    let row = run(start(1, mark(10)), { type: "edit", value: mark(12) }, { type: "send", key: "k1" });
    const theirs = { value: mark(15), version: 2, savedAt: "2027-05-01T10:00:00.000Z", savedBy: "Siân Prys" };
    row = run(row, { type: "conflict", key: "k1", current: theirs });
    expect(row.status).toBe("conflict");
    expect(row.conflict).toEqual({ mine: mark(12), theirs });
    expect(isUnsaved(row)).toBe(true);
    expect(run(row, { type: "send", key: "k2" }).inFlight).toBeNull(); // nothing sent until the person chooses
    row = run(row, { type: "keepMine" });
    expect(row).toMatchObject({ status: "pending", version: 2, saved: mark(15), wanted: mark(12), conflict: null });
    row = run(row, { type: "send", key: "k2" });
    expect(row.inFlight).toEqual({ key: "k2", value: mark(12), baseVersion: 2, attempt: 0 });
  });

  it("a conflict resolved by using the saved mark leaves nothing to save", () => {
    let row = run(start(1, mark(10)), { type: "edit", value: mark(12) }, { type: "send", key: "k1" });
    row = run(row, { type: "conflict", key: "k1", current: { value: mark(15), version: 2, savedAt: "t" } });
    row = run(row, { type: "useSaved" });
    expect(row).toMatchObject({ status: "saved", version: 2, saved: mark(15), wanted: null, conflict: null });
  });

  it("a conflict with the very mark typed is no conflict", () => {
    let row = run(start(1, mark(10)), { type: "edit", value: mark(12) }, { type: "send", key: "k1" });
    row = run(row, { type: "conflict", key: "k1", current: { value: mark(12), version: 2, savedAt: "t" } });
    expect(row).toMatchObject({ status: "saved", version: 2, saved: mark(12) });
  });

  it("typing during a conflict changes 'mine', not the choice", () => {
    let row = run(start(1, mark(10)), { type: "edit", value: mark(12) }, { type: "send", key: "k1" });
    row = run(row, { type: "conflict", key: "k1", current: null });
    row = run(row, { type: "edit", value: mark(null, "A") });
    expect(row.status).toBe("conflict");
    expect(row.conflict?.mine).toEqual(mark(null, "A"));
  });

  it("a refused save keeps the typed mark, unsaved, until it is changed", () => {
    let row = run(start(), { type: "edit", value: mark(5) }, { type: "send", key: "k1" });
    row = run(row, { type: "refused", key: "k1", message: "These marks have been submitted and are locked." });
    expect(row).toMatchObject({ status: "refused", wanted: mark(5), inFlight: null });
    expect(isUnsaved(row)).toBe(true);
    expect(run(row, { type: "send", key: "k2" }).inFlight).toBeNull();
    row = run(row, { type: "edit", value: mark(6) });
    expect(row.status).toBe("pending");
  });

  it("cells that make no mark hold back the save", () => {
    let row = run(start(), { type: "edit", value: mark(5) }, { type: "invalid" });
    expect(row.status).toBe("invalid");
    expect(isUnsaved(row)).toBe(true);
    expect(run(row, { type: "send", key: "k" }).inFlight).toBeNull();
    row = run(row, { type: "edit", value: mark(null) });
    expect(row.status).toBe("saved");
  });
});
