import type { AppointeeStatus } from "@/lib/board/appointees";

/** The badge of each appointee status: a word always, colour only as a second cue. */
export const STATUS_BADGE: Record<AppointeeStatus, "success" | "secondary" | "warning" | "destructive" | "outline"> = {
  active: "success",
  invited: "secondary",
  inviteExpired: "warning",
  locked: "destructive",
  deactivated: "outline",
};
