// A signed-in caller for integration tests: an account made with the factories
// (tests/factories/users.ts) and a Session row past every sign-in step, as the kernel
// (lib/auth/authorize.ts) finds it behind the cookie. Choose it with actAs (tests/utils/act-as.ts).
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findLiveSession, type LiveSession } from "@/lib/data/identity/sessions";
import { createUser, type CreateUserOptions } from "../factories/users";

/** Opens a fully signed-in session for `userId` at `at` (second factor done then, an hour to run); returns its id. */
export async function openSession(prisma: PrismaClient, userId: string, at: Date): Promise<string> {
  const id = randomBytes(16).toString("hex");
  await prisma.session.create({
    data: {
      id,
      sessionToken: id,
      userId,
      expires: new Date(at.getTime() + 3600_000),
      lastSeenAt: at,
      mfaAt: at,
    },
  });
  return id;
}

/** A new account (an authenticator app by default) with a live, fully signed-in session at `at`. */
export async function signedInActor(prisma: PrismaClient, options: CreateUserOptions, at: Date): Promise<LiveSession> {
  const user = await createUser(prisma, { mfa: "totp", ...options });
  return (await findLiveSession(await openSession(prisma, user.id, at), at))!;
}
