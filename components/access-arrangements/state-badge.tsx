import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { ArrangementState } from "@/lib/data/access-arrangements/shared";

// An arrangement's state as a badge: always its word, never colour alone.
const VARIANT: Record<ArrangementState, NonNullable<BadgeProps["variant"]>> = {
  delegated: "secondary",
  approved: "success",
  expiringSoon: "warning",
  expired: "destructive",
  referred: "outline",
  refused: "destructive",
  withdrawn: "secondary",
};

export function StateBadge({ state, label }: { state: ArrangementState; label: string }) {
  return (
    <Badge variant={VARIANT[state]} data-state={state}>
      {label}
    </Badge>
  );
}
