// The session cookie's name, shared by Auth.js's configuration (lib/auth/config.ts) and
// proxy.ts. Over HTTPS it is a `__Host-` cookie: the browser keeps it only if it is Secure, has
// Path=/ and names no Domain, so no sibling subdomain can set or overwrite it.

export function secureCookiesOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && env.AUTH_INSECURE_COOKIES !== "true";
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-authjs.session-token" : "authjs.session-token";
}
