"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/sign-out";
import { IDLE_TIMEOUT_MS, TOUCH_EVERY_MS } from "@/lib/auth/idle";

// The server's idle clock may lag the last request by up to TOUCH_EVERY_MS (lib/auth/idle.ts),
// so the browser counts the hour from that much earlier.
const IDLE_MS = IDLE_TIMEOUT_MS - TOUCH_EVERY_MS;
const WARN_BEFORE_MS = 5 * 60_000;

/** Warns five minutes before the 1-hour idle timeout (docs/product-rules.md, "Sign-in and sessions"); "stay" refreshes the session. */
export function IdleWarning() {
  const t = useTranslations("idle");
  const tc = useTranslations("common");
  const router = useRouter();
  const [since, setSince] = useState(() => Date.now());
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const warnAt = setTimeout(() => setOpen(true), IDLE_MS - WARN_BEFORE_MS);
    const endAt = setTimeout(() => router.push("/sign-in?notice=expired"), IDLE_MS);
    return () => {
      clearTimeout(warnAt);
      clearTimeout(endAt);
    };
  }, [since, router]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("body", { minutes: WARN_BEFORE_MS / 60_000 })}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button
            onClick={() => {
              setOpen(false);
              setSince(Date.now());
              router.refresh();
            }}
          >
            {t("stay")}
          </Button>
          <form action={signOutAction}>
            <Button type="submit" variant="outline">
              {t("signOut")}
            </Button>
          </form>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
