"use client";

import { ServiceUnavailable } from "@/components/layout/service-unavailable";

// Any page or layout below the root that fails on the server renders this instead: translated,
// with no stack (docs/decisions/014-security-headers.md covers what a response may reveal).
export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ServiceUnavailable digest={error.digest} reset={reset} />;
}
