"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Counts down to the caller's own release time. The server computes the target and passes its
 * own clock, so a browser clock that is wrong (or a pinned server clock) does not move the
 * release: the countdown runs on the server's time. At zero it asks the user to reload — the
 * results come only from the server, never from this component.
 */
export function Countdown({ target, serverNow }: { target: string; serverNow: string }) {
  const t = useTranslations("results.notReleased");
  const targetMs = new Date(target).getTime();
  const [remaining, setRemaining] = useState(() => Math.max(0, targetMs - new Date(serverNow).getTime()));

  useEffect(() => {
    const offset = new Date(serverNow).getTime() - Date.now();
    const tick = () => setRemaining(Math.max(0, targetMs - (Date.now() + offset)));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [targetMs, serverNow]);

  if (remaining <= 0) {
    return (
      <div role="status" className="flex flex-col items-start gap-2">
        <p className="font-semibold">{t("released")}</p>
        <Button type="button" onClick={() => window.location.reload()}>
          {t("reload")}
        </Button>
      </div>
    );
  }

  const total = Math.floor(remaining / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    days > 0 ? t("days", { count: days }) : null,
    days > 0 || hours > 0 ? t("hours", { count: hours }) : null,
    t("minutes", { count: minutes }),
    t("seconds", { count: seconds }),
  ].filter(Boolean);

  return (
    <p className="text-lg">
      <span id="release-countdown-label" className="font-semibold">
        {t("countdownLabel")}:
      </span>{" "}
      {/* role="timer" is not announced on every tick (its live region is off by default). */}
      <span role="timer" aria-labelledby="release-countdown-label" className="tabular-nums">
        {parts.join(", ")}
      </span>
    </p>
  );
}
