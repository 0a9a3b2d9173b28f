import { Resend } from "resend";
import { writeToOutbox } from "./outbox";

export type Email = { to: string; subject: string; text: string; html: string };

export class DeliveryError extends Error {}

/** Sends through Resend when RESEND_API_KEY is set, else to the local outbox. */
export async function sendEmail(email: Email): Promise<void> {
  const key = process.env.RESEND_API_KEY;
  if (!key) {
    await writeToOutbox({ kind: "email", ...email });
    return;
  }
  const resend = new Resend(key);
  const { error } = await resend.emails.send({
    from: process.env.EMAIL_FROM ?? "Porth <no-reply@porth.test>",
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
  });
  if (error) throw new DeliveryError(`email provider refused: ${error.name}`);
}
