import { ClientMessages } from "@/components/i18n/client-messages";

// This directory's client components' messages (lib/i18n/client-messages.ts), beside the section's.
export default function EntriesCandidatesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="app/(portal)/entries/candidates">{children}</ClientMessages>;
}
