// The command line of `npm run db:seed` (prisma/seed.ts), and when it refuses to run.

export class SeedRefusedError extends Error {}

export type SeedArgs = { force: boolean; scale: "board" | null; migrate: boolean };

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { force: false, scale: null, migrate: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--force") args.force = true;
    else if (a === "--no-migrate") args.migrate = false;
    else if (a === "--scale" || a.startsWith("--scale=")) {
      const value = a === "--scale" ? argv[++i] : a.slice("--scale=".length);
      if (value !== "board") throw new SeedRefusedError(`Unknown --scale "${value ?? ""}": the only scale is "board".`);
      args.scale = "board";
    } else
      throw new SeedRefusedError(`Unknown argument "${a}". Usage: db:seed [-- --scale board] [--force] [--no-migrate]`);
  }
  return args;
}

/** Throws unless seeding is allowed here: never under NODE_ENV=production without --force. */
export function assertSeedAllowed(env: NodeJS.ProcessEnv, args: Pick<SeedArgs, "force">): void {
  if (env.NODE_ENV === "production" && !args.force) {
    throw new SeedRefusedError(
      "Refusing to seed: NODE_ENV=production. The demo accounts share a published password and TOTP secret; " +
        "re-run with --force only if this is not a live board.",
    );
  }
  if (!env.MFA_ENCRYPTION_KEY) {
    throw new SeedRefusedError(
      "MFA_ENCRYPTION_KEY is not set: the seed encrypts the demo TOTP secret with it. Set it (e.g. in .env) to the value the app uses.",
    );
  }
}
