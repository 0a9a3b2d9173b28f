import { ClientMessages } from "@/components/i18n/client-messages";

// Moderator mark input's client components' messages (lib/i18n/client-messages.ts): the mark grid's and the report form's.
export default function ModerationLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="app/(portal)/moderation">{children}</ClientMessages>;
}
