import { ClientMessages } from "@/components/i18n/client-messages";

// Examiner mark input's client components' messages (lib/i18n/client-messages.ts): the grid's and the submit form's.
export default function EmiLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="app/(portal)/emi">{children}</ClientMessages>;
}
