import { systemClock, type Clock } from "./time";

// The server's clock. End-to-end tests may pin it with PORTH_FAKE_NOW (refused in production
// by lib/env.ts), so embargo and expiry boundaries can be exercised in a real browser.
export const now: Clock = () => {
  const fake = process.env.NODE_ENV !== "production" ? process.env.PORTH_FAKE_NOW : undefined;
  return fake ? new Date(fake) : systemClock();
};
