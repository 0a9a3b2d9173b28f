import type { Caller } from "@/lib/auth/authorize";
import type { ServiceSubject } from "./catalogue";

/** What the catalogue needs of a caller to say which services they can use. */
export function serviceSubjectOf(caller: Pick<Caller, "role" | "grants" | "appointeeType">): ServiceSubject {
  return { role: caller.role, grants: caller.grants, appointeeType: caller.appointeeType };
}
