import { ClientMessages } from "@/components/i18n/client-messages";

// This section's client components' messages (lib/i18n/client-messages.ts); nothing else.
export default function AccessArrangementsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="app/(portal)/access-arrangements">{children}</ClientMessages>;
}
