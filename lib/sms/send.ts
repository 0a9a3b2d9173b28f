import { writeToOutbox } from "@/lib/email/outbox";
import { DeliveryError } from "@/lib/email/send";

/**
 * Sends a text through Twilio's REST API when TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN/TWILIO_FROM
 * are set, else to the local outbox. A failure throws DeliveryError so the caller can offer
 * another method.
 */
export async function sendSms(to: string, body: string): Promise<void> {
  const sid = process.env.TWILIO_ACCOUNT_SID;
  const token = process.env.TWILIO_AUTH_TOKEN;
  const from = process.env.TWILIO_FROM;
  if (!sid || !token || !from) {
    await writeToOutbox({ kind: "sms", to, subject: "", text: body });
    return;
  }
  const base = process.env.TWILIO_BASE_URL ?? "https://api.twilio.com";
  let response: Response;
  try {
    response = await fetch(`${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ To: to, From: from, Body: body }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (cause) {
    throw new DeliveryError(`SMS provider unreachable: ${(cause as Error).name}`);
  }
  if (!response.ok) throw new DeliveryError(`SMS provider refused: HTTP ${response.status}`);
}
