"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { changeSubmittedExaminerMark } from "@/lib/data/marks/emi-board";
import { markFromCells } from "@/lib/marks/emi";
import { text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";

// Board staff change an examiner's submitted mark, with a reason (lib/data/marks/emi-board.ts
// decides who may and audits it). The form sends the mark as typed: a code, or a mark per
// question (q1, q2, …), or a total.

const FIXED = ["appointeeId", "allocationId", "entryId", "key", "baseVersion", "code", "total", "reason"];
const QUESTION = /^q([1-9]\d{0,2})$/;

export async function changeSubmittedMarkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const keys = [...formData.keys()].filter((k) => !k.startsWith("$ACTION"));
  if (keys.some((k) => !FIXED.includes(k) && !QUESTION.test(k))) return { formError: "tampered" };
  const questions = keys.filter((k) => QUESTION.test(k)).length;
  const values: Record<string, string> = Object.fromEntries(keys.map((k) => [k, text(formData, k).slice(0, 600)]));
  const ids = ["appointeeId", "allocationId", "entryId"].map((k) => recordIdSchema.safeParse(values[k]));
  if (ids.some((r) => !r.success)) return { formError: "notFound", values };
  const [appointeeId, allocationId, entryId] = ids.map((r) => r.data as string);
  const baseVersion = Number(values.baseVersion);
  if (!Number.isInteger(baseVersion) || baseVersion < 1) return { formError: "conflict", values };
  const items = Array.from({ length: questions }, (_, i) => values[`q${i + 1}`] ?? "");
  const read = markFromCells(questions, { code: values.code ?? "", total: values.total ?? "", items });
  if (!read.ok) return { fieldErrors: { mark: [read.error] }, values };
  const result = await changeSubmittedExaminerMark(
    allocationId,
    entryId,
    { key: values.key ?? "", baseVersion, value: read.value },
    values.reason ?? "",
  );
  if (!result.ok) {
    const key = messageKeyOf(result);
    if (key.startsWith("emi.reason")) return { fieldErrors: { reason: [key] }, values };
    if (key.startsWith("marks.") || key === "emi.markRequired") return { fieldErrors: { mark: [key] }, values };
    return { formError: key === "marks.stale" ? "conflict" : key, values };
  }
  const page = `/board/appointees/${appointeeId}/allocations/${allocationId}`;
  revalidatePath(page);
  redirect(`${page}?done=changed`);
}
