import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Refusal, Result } from "@/lib/auth/authorize";
import { STEP_PATHS, type PendingStep } from "@/lib/auth/steps";
import { getCaller } from "@/lib/auth/authorize";

// What a page does with a refusal from the data layer: signed out → sign in (or the pending
// step), forbidden → "no access", not found → the 404 page. Anything else is a page bug.

export async function refusedPage(refusal: Refusal): Promise<never> {
  if (refusal.error === "unauthenticated") {
    const caller = await getCaller();
    redirect(caller?.pendingStep ? STEP_PATHS[caller.pendingStep as PendingStep] : "/sign-in");
  }
  if (refusal.error === "forbidden") redirect("/no-access");
  notFound();
}

/** The value of a data-layer result, or the page's answer to its refusal. */
export async function must<T extends object>(result: Result<T> | Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) return refusedPage(r);
  return r;
}
