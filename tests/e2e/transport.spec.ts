// What only the running server shows: the headers proxy.ts puts on every response, its origin
// check and path gate, and how the server answers requests no page would send. Plain HTTP
// requests (no browser), signed out unless a test signs in; redirects are not followed, so each
// test sees the answer itself.
import { expect, test, type APIResponse } from "@playwright/test";
import { BASE_URL } from "./env";
import { signedIn } from "./helpers";

/** The nonce of a response's Content-Security-Policy (script-src 'nonce-…'). */
function cspNonce(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `a nonce in the CSP: ${csp}`).toBeTruthy();
  return nonce!;
}

/** Every <script …> opening tag of an HTML document. */
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/gi) ?? [];

/** The path a redirect sends to. */
const locationPath = (response: APIResponse) => new URL(response.headers()["location"] ?? "", BASE_URL).pathname;

/** Every script of the page runs under the response's nonce, and only that one. */
async function expectNoncedScripts(response: APIResponse) {
  expect(response.status()).toBe(200);
  const nonce = cspNonce(response);
  const tags = scriptTags(await response.text());
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
}

test("a page's scripts all carry the nonce of its Content-Security-Policy, signed out and in", async ({
  page,
  request,
}) => {
  await expectNoncedScripts(await request.get("/sign-in", { maxRedirects: 0 }));
  // Each response has its own nonce.
  const first = cspNonce(await request.get("/sign-in", { maxRedirects: 0 }));
  const second = cspNonce(await request.get("/sign-in", { maxRedirects: 0 }));
  expect(first).not.toBe(second);

  await signedIn(page, "eo@68101.test");
  await expectNoncedScripts(await page.request.get("/centre/users", { maxRedirects: 0 }));
});

test("a post from another origin is refused even with a forged X-Forwarded-Host; the portal's own is not", async ({
  request,
}) => {
  const foreign = await request.post("/sign-in", {
    headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
    form: { email: "eo@68101.test" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: "forbidden", reason: "crossOrigin" });

  const own = await request.post("/sign-in", {
    headers: { Origin: BASE_URL },
    form: { email: "eo@68101.test" },
    maxRedirects: 0,
  });
  expect(own.status()).not.toBe(403);
});

test("signed out, a portal path that looks like a file is gated; Next's own build files are not", async ({
  request,
}) => {
  const gated = await request.get("/centre/users/x.js", { maxRedirects: 0 });
  expect(gated.status()).toBeGreaterThanOrEqual(300);
  expect(gated.status()).toBeLessThan(400);
  expect(locationPath(gated)).toBe("/sign-in");

  // A real build file, named by the sign-in page.
  const html = await (await request.get("/sign-in", { maxRedirects: 0 })).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset, "a /_next/static script on the sign-in page").toBeTruthy();
  const file = await request.get(asset!, { maxRedirects: 0 });
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toMatch(/javascript/);
});

test("a post naming a server action that does not exist is a client error, not a server error", async ({ request }) => {
  const response = await request.post("/sign-in", {
    headers: {
      Origin: BASE_URL,
      "Next-Action": `7f${"0".repeat(40)}`,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
    },
    data: "[]",
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
});

test("a NUL byte in an API address is refused as bad bytes", async ({ request }) => {
  const response = await request.get("/api/results/file?series=%00", { maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({ error: "invalid", reason: "badBytes" });
});

test("the development outbox does not exist in production mode", async ({ request }) => {
  const response = await request.get("/dev/outbox", { maxRedirects: 0 });
  expect(response.status()).toBe(404);
});

/** The headers every download answer carries, whoever asks. */
function expectDownloadHeaders(response: APIResponse) {
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  cspNonce(response);
}

test("a download route's answer carries nosniff and the Content-Security-Policy", async ({ page, request }) => {
  // Signed out: the gate answers.
  const signedOut = await request.get("/api/files/resources/matrix-unknown-file", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  expectDownloadHeaders(signedOut);

  // Signed in: the route handler itself answers (no such file).
  await signedIn(page, "eo@68101.test");
  const unknown = await page.request.get("/api/files/resources/matrix-unknown-file", { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
  expectDownloadHeaders(unknown);
});
