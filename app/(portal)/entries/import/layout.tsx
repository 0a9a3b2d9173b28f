import { ClientMessages } from "@/components/i18n/client-messages";

// This directory's client components' messages (lib/i18n/client-messages.ts), beside the section's.
export default function EntriesImportLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="app/(portal)/entries/import">{children}</ClientMessages>;
}
