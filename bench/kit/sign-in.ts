// Signing in over HTTP as a browser without JavaScript does: the forms, their hidden action
// fields, the password and the authenticator code.
import { randomBytes } from "node:crypto";
import { totpCode } from "../../lib/auth/totp";
import type { Target } from "./load";

export const PASSWORD = "bench-results-day-password";
export const TOTP_SECRET = "JBSWY3DPEHPK3PXP";

export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden inputs of the page's form that has a field named `field` (Next's action fields among them). */
export function hiddenInputs(html: string, field: string): [string, string][] {
  const form =
    [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`name="${field}"`)) ?? "";
  if (!form) throw new Error(`no form with a "${field}" field`);
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\btype="hidden"/.test(tag))
    .map((tag) => [decode(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ""), decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "")]);
}

export class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in with the password and the authenticator code; the Cookie header of the session. */
export async function signIn(origin: string, email: string): Promise<string> {
  const jar = new CookieJar();
  const page = await fetch(`${origin}/sign-in`);
  jar.take(page);
  const form = new FormData();
  for (const [name, value] of hiddenInputs(await page.text(), "email")) form.append(name, value);
  form.set("email", email);
  form.set("password", PASSWORD);
  const post = await fetch(`${origin}/sign-in`, {
    method: "POST",
    body: form,
    headers: { origin, cookie: jar.header },
    redirect: "manual",
  });
  jar.take(post);
  const mfaPath = new URL(post.headers.get("location") ?? "/", origin).pathname;
  if (post.status < 300 || post.status >= 400 || mfaPath !== "/mfa")
    throw new Error(`sign-in of ${email}: ${post.status} → ${mfaPath}\n${(await post.text()).slice(0, 300)}`);
  const mfa = await fetch(`${origin}/mfa`, { headers: { cookie: jar.header } });
  jar.take(mfa);
  const code = new FormData();
  for (const [name, value] of hiddenInputs(await mfa.text(), "code")) code.append(name, value);
  code.set("code", await totpCode(TOTP_SECRET, new Date()));
  const done = await fetch(`${origin}/mfa`, {
    method: "POST",
    body: code,
    headers: { origin, cookie: jar.header },
    redirect: "manual",
  });
  jar.take(done);
  const to = new URL(done.headers.get("location") ?? "/mfa", origin).pathname;
  if (done.status < 300 || done.status >= 400 || to !== "/")
    throw new Error(`second factor of ${email}: ${done.status} → ${to}\n${(await done.text()).slice(0, 300)}`);
  return jar.header;
}

/**
 * The password step as the sign-in form posts it, each request from another account (round
 * robin over `emails`) and another address (X-Forwarded-For; the server must trust the proxy).
 */
export function signInLoad(origin: string, signInPage: string, emails: readonly string[]): Target {
  const boundary = `----porth-bench-${randomBytes(6).toString("hex")}`;
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fixed = hiddenInputs(signInPage, "email")
    .map(([n, v]) => part(n, v))
    .join("");
  let sent = 0;
  return {
    url: `${origin}/sign-in`,
    method: "POST",
    status: 303,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin },
    setupRequest: (req) => {
      sent += 1;
      const email = emails[sent % emails.length];
      return {
        ...req,
        method: "POST",
        path: "/sign-in",
        headers: {
          ...req.headers,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          origin,
          "x-forwarded-for": `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
        },
        body: `${fixed}${part("email", email)}${part("password", PASSWORD)}--${boundary}--\r\n`,
      };
    },
  };
}
