// `npm run board:create-admin -- --email someone@board.example --name "Full Name"` — creates a
// board staff account on a database that may have none (a fresh deployment: the seed refuses
// production and no page creates board staff) and invites it exactly as centre staff are
// invited (lib/data/accounts/internal.ts): a temporary password that works once, until the
// invite expires, then a new password and a second factor at the first sign-in.
//
//   --email ADDRESS     the account's email address (its username); refused if it exists
//   --name "NAME"       full name
//   --title TITLE       optional (Mr, Ms, Dr…)
//   --job-role ROLE     optional
//
// Applies pending migrations first (as scripts/db/migrate.ts does), then works on DATABASE_URL
// or the embedded database (PGLITE_DIR; stop the server first: PGlite has no file lock). The
// invite goes through the configured email provider (RESEND_API_KEY) or, with none, to the
// local outbox (OUTBOX_DIR), and only then is the temporary password printed here. Audited as
// "board.account-created" by "system/cli". In the Docker image:
//   docker compose exec app npm run board:create-admin -- --email … --name "…"
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { normaliseEmail } from "@/lib/auth/email";
import { formatDate } from "@/lib/i18n/dates";
import { emailSchema } from "@/lib/validation/identity";
import { isSingleLine } from "@/lib/validation/text";

/** The audit trail's name for this command: it acts for no account. */
export const CLI_ACTOR = "system/cli";

export type BoardAccountInput = { email: string; name: string; title?: string; jobRole?: string };

export type BoardAccountCreated = {
  ok: true;
  userId: string;
  email: string;
  expiresAt: Date;
  /** Where the invite went: the configured provider, or the local outbox (with the password, to print). */
  delivery: { via: "provider" } | { via: "outbox"; dir: string; password: string };
};
export type BoardAccountRefused = {
  ok: false;
  error: "invalid" | "emailTaken" | "deliveryFailed";
  message: string;
};

const ONE_LINE = "one line, without control characters";
// The limits of the invite form (app/(portal)/centre/users/actions.ts).
const inputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "a name is needed").max(100, "at most 100 characters").refine(isSingleLine, ONE_LINE),
  title: z.string().trim().max(20, "at most 20 characters").refine(isSingleLine, ONE_LINE),
  jobRole: z.string().trim().max(100, "at most 100 characters").refine(isSingleLine, ONE_LINE),
});

/** Creates and invites one board staff account. Never prints; the command line does. */
export async function createBoardAccount(
  input: BoardAccountInput,
  now: Date = new Date(),
): Promise<BoardAccountCreated | BoardAccountRefused> {
  const parsed = inputSchema.safeParse({ ...input, title: input.title ?? "", jobRole: input.jobRole ?? "" });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: "invalid", message: `--${kebab(String(issue?.path[0]))}: ${issue?.message}` };
  }
  const { name, title, jobRole } = parsed.data;
  const email = normaliseEmail(parsed.data.email);

  // The data layer's modules start with `import "server-only"`: imported once the command line
  // has made that resolvable (below), or under Vitest, which stubs it.
  const { getPrisma } = await import("@/lib/db/client");
  const { isUniqueViolation } = await import("@/lib/db/errors");
  const { audit } = await import("@/lib/data/audit");
  const { createInvitedAccount, sendInviteEmails } = await import("@/lib/data/accounts/internal");
  const { DeliveryError } = await import("@/lib/email/send");
  const { outboxDir } = await import("@/lib/email/outbox");

  const db = getPrisma();
  const cli = { id: null, email: CLI_ACTOR };
  const taken: BoardAccountRefused = {
    ok: false,
    error: "emailTaken",
    message: `An account with the email address ${email} already exists; nothing was changed.`,
  };
  let created: Awaited<ReturnType<typeof createInvitedAccount>>;
  try {
    const outcome = await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return null;
      return createInvitedAccount(
        tx,
        { email, title, name, jobRole, role: "BOARD_STAFF", centreId: null, grants: [] },
        cli,
        "",
        now,
        "board.account-created",
      );
    });
    if (!outcome) return taken;
    created = outcome;
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }

  try {
    await sendInviteEmails(
      { ...created.user, role: "BOARD_STAFF", centreId: null },
      created.password,
      created.expiresAt,
      { ...cli, name: "Porth" },
      false,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    // As for any invite (lib/data/accounts/invites.ts): an invite nobody received is undone.
    await db.$transaction(async (tx) => {
      await tx.user.delete({ where: { id: created.user.id } });
      await audit(tx, {
        action: "user.invite-undone",
        outcome: "failure",
        actorEmail: CLI_ACTOR,
        targetUserId: created.user.id,
        targetEmail: email,
        details: { reason: "delivery-failed" },
        at: now,
      });
    });
    return {
      ok: false,
      error: "deliveryFailed",
      message: `The email provider did not accept the invite (${error.message}); the account was not kept.`,
    };
  }

  // The same test as lib/email/send.ts: with no provider, the invite is in the outbox.
  const delivery: BoardAccountCreated["delivery"] = process.env.RESEND_API_KEY
    ? { via: "provider" }
    : { via: "outbox", dir: outboxDir(), password: created.password };
  return { ok: true, userId: created.user.id, email, expiresAt: created.expiresAt, delivery };
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const USAGE =
  'Usage: npm run board:create-admin -- --email ADDRESS --name "FULL NAME" [--title TITLE] [--job-role ROLE]';

export function parseArgs(argv: string[]): BoardAccountInput | string {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (!["--email", "--name", "--title", "--job-role"].includes(flag)) return `Unknown argument "${arg}". ${USAGE}`;
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value. ${USAGE}`;
    flags[flag.slice(2)] = value;
  }
  if (!flags.email || !flags.name) return USAGE;
  return { email: flags.email, name: flags.name, title: flags.title, jobRole: flags["job-role"] };
}

// Outside Next.js, `import "server-only"` throws (its package exports a module that throws to
// anything but a React Server Component). This command is server code: resolve it to nothing.
const SERVER_ONLY_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    'export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context); }',
  );

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const input = parseArgs(argv);
  if (typeof input === "string") {
    console.error(input);
    return 2;
  }
  // Values already in the environment win (process.loadEnvFile does not override).
  for (const file of [".env.local", ".env"]) {
    try {
      process.loadEnvFile(file);
    } catch {
      // no such file
    }
  }
  process.env.OUTBOX_QUIET = "true"; // this command says where the invite went, once
  register(SERVER_ONLY_HOOK);

  const { closePrisma, resolveDatabaseConfig } = await import("@/lib/db/client");
  const { applyMigrations } = await import("@/lib/db/migrations");
  const config = resolveDatabaseConfig();
  const where = config.kind === "postgres" ? new URL(config.url).host + new URL(config.url).pathname : config.dataDir;
  console.log(`Database: ${config.kind} (${where})`);
  try {
    const { applied } = await applyMigrations(undefined, { log: (line) => console.log(line) });
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
    const result = await createBoardAccount(input);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    const expires = formatDate(result.expiresAt, "date", "en");
    console.log(`Created board staff account ${result.email} (audited as "board.account-created" by ${CLI_ACTOR}).`);
    if (result.delivery.via === "provider") {
      console.log(`Invite emailed to ${result.email} through the email provider (RESEND_API_KEY).`);
    } else {
      console.log(`No email provider is configured: the invite is in the outbox, ${result.delivery.dir}`);
      console.log(`Temporary password: ${result.delivery.password}`);
    }
    console.log(
      `It works once, until ${expires}: at the first sign-in they choose a new password, then set up a second factor.`,
    );
    return 0;
  } finally {
    await closePrisma();
  }
}

const runDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`board:create-admin failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
