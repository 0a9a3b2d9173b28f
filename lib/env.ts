import { z } from "zod";
import { isEndToEndDatabase } from "./clock";
import { isBenchDatabase } from "./bench";
import { entraTenant } from "./auth/entra";

// Every environment variable Porth reads, validated once at start-up (scripts/start.ts and
// instrumentation.ts). A missing or malformed value stops the server with one clear line.
// Documented in .env.example.
const optionalUrl = z.url().optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL (leave unset for the embedded database)")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  AUTH_URL: optionalUrl,
  MFA_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters"),
  FILES_DIR: z.string().min(1).default(".data/files"),
  /** An S3-compatible bucket instead of FILES_DIR (lib/files/store.ts, ADR 007). */
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: optionalUrl,
  EMAIL_FROM: z.string().min(3).default("Porth <no-reply@porth.test>"),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_BASE_URL: optionalUrl,
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().min(1).optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().min(1).optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalUrl,
  /** The board's Entra ID tenant: only its tokens sign in (lib/auth/entra.ts). Or name it in the issuer. */
  AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: z
    .string()
    .regex(
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
      "must be a tenant id (a GUID)",
    )
    .optional(),
  /** The board can switch the weaker second factors off (docs/product-rules.md). */
  MFA_SMS_ENABLED: z.enum(["true", "false"]).default("true"),
  MFA_EMAIL_ENABLED: z.enum(["true", "false"]).default("true"),
  /** Board staff must use a passkey as their second factor (lib/auth/mfa-methods.ts, docs/decisions/018-passkeys.md). */
  MFA_PASSKEY_REQUIRED_FOR_BOARD: z.enum(["true", "false"]).default("false"),
  /** The email domain of examiner and moderator accounts: the board creates appointees only there (lib/board/appointees.ts). */
  APPOINTEE_EMAIL_DOMAIN: z
    .string()
    .regex(
      /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/,
      "must be a domain name, like appointees.example.org",
    )
    .default("appointees.test"),
  /** Test-only: lets end-to-end tests pin the server clock. Refused in production. */
  PORTH_FAKE_NOW: z.iso.datetime().optional(),
  /** End-to-end tests only: a file holding the server's pinned time (lib/clock.ts). */
  PORTH_TEST_CLOCK_FILE: z.string().min(1).optional(),
  /** The benchmark's own database only: the A2C keys (ids, comma-separated) whose per-key limit is raised (lib/bench.ts). */
  PORTH_BENCH_A2C_KEY_ID: z.string().min(1).optional(),
  // How many reverse proxies stand in front of the portal ("true" = 1): lib/http/client-address.ts.
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, "a number of proxies (0-9), or true/false")
    .default("false"),
  AUTH_INSECURE_COOKIES: z.enum(["true", "false"]).default("false"),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().max(255).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env; throws an Error whose message is one line naming the bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue.path.join(".")} ${issue.message}`);
  }
  if (parsed.data.PORTH_TEST_CLOCK_FILE && !isEndToEndDatabase(source)) {
    throw new Error("Invalid environment: PORTH_TEST_CLOCK_FILE is only for the end-to-end test database");
  }
  if (parsed.data.PORTH_BENCH_A2C_KEY_ID && !isBenchDatabase(source)) {
    throw new Error("Invalid environment: PORTH_BENCH_A2C_KEY_ID is only for a benchmark's own database");
  }
  if (parsed.data.AUTH_MICROSOFT_ENTRA_ID_ID && !entraTenant(source)) {
    throw new Error(
      "Invalid environment: AUTH_MICROSOFT_ENTRA_ID_TENANT_ID (or an AUTH_MICROSOFT_ENTRA_ID_ISSUER naming the same tenant) is needed for Microsoft sign-in",
    );
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.PORTH_FAKE_NOW) {
    throw new Error("Invalid environment: PORTH_FAKE_NOW must not be set in production");
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
