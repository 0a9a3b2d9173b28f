// An account's status as Manage Users and the board's centre pages show it (docs/product-rules.md
// ("Actors and roles")). Pure: the data layer passes the account and the clock.

export const ACCOUNT_STATUSES = ["active", "invited", "inviteExpired", "locked"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** How long an invite's temporary password works. */
export const INVITE_MONTHS = 2;

export type StatusInput = {
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  /** The latest invite first. */
  invites: readonly { expiresAt: Date; acceptedAt: Date | null; withdrawnAt: Date | null }[];
};

export function accountStatus(user: StatusInput, now: Date): AccountStatus {
  if (user.mustChangePassword) {
    const invite = user.invites[0];
    const live = invite && !invite.acceptedAt && !invite.withdrawnAt && invite.expiresAt > now;
    return live ? "invited" : "inviteExpired";
  }
  if (user.lockedUntil && user.lockedUntil > now) return "locked";
  return "active";
}
