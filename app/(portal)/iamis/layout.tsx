import { ClientMessages } from "@/components/i18n/client-messages";

// This section's client components' messages (lib/i18n/client-messages.ts): the mark grid, the
// submit form and the import flow.
export default function IamisLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="app/(portal)/iamis">{children}</ClientMessages>;
}
