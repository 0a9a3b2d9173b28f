// A2C keys and the A2C machine API (docs/product-rules.md ("A2C")). Keys: EO always, Admins
// with the a2c grant. The API: the key decides, never the session.
import { createHash, randomBytes } from "node:crypto";
import { form, type Fixtures, type Row } from "../types";

const KEYS = ["eo", "admin", "otherCentre"] as const;

/** A fresh live key of centre A (each call its own, so revoking or rate limits never leak between rows). */
async function freshKey(fx: Fixtures): Promise<{ id: string; key: string }> {
  const key = `porth_a2c_${randomBytes(32).toString("base64url")}`;
  const row = await fx.prisma.a2CKey.create({
    data: {
      centreId: fx.centreA.id,
      name: "matrix",
      prefix: key.slice(0, 18),
      keyHash: createHash("sha256").update(key).digest("hex"),
      createdById: fx.userIds.eo!,
    },
  });
  return { id: row.id, key };
}

const keyed =
  (path: string) =>
  async ({ fx }: { fx: Fixtures }) =>
    new Request(`http://localhost${path}?series=${fx.seriesCode}`, {
      headers: { authorization: `Bearer ${(await freshKey(fx)).key}` },
    });

export const a2cRows: Row[] = [
  { endpoint: "page /centre/a2c", allow: KEYS, rule: "EO, and Admins with the a2c permission" },
  {
    endpoint: "action app/(portal)/centre/a2c/actions.ts#generateKeyAction",
    allow: KEYS,
    form: () => form({ name: "MIS" }),
    rule: "EO, and Admins with the a2c permission (each for their own centre)",
  },
  {
    endpoint: "action app/(portal)/centre/a2c/actions.ts#revokeKeyAction",
    allow: ["eo", "admin"],
    form: async ({ fx }) => form({ keyId: (await freshKey(fx)).id }),
    rule: "a centre-A key: not found for centre B",
  },
  { endpoint: "route GET /api/a2c/v1/openapi.json", allow: "everyone", rule: "the API description is public" },
  {
    endpoint: "route GET /api/a2c/v1/entries",
    allow: "everyone",
    request: keyed("/api/a2c/v1/entries"),
    rule: "a live key: served whatever the session",
  },
  { endpoint: "route GET /api/a2c/v1/entries", allow: [], rule: "no key: 401 whatever the session" },
  {
    endpoint: "route GET /api/a2c/v1/results",
    allow: "everyone",
    request: keyed("/api/a2c/v1/results"),
    rule: "a live key: served whatever the session",
  },
  { endpoint: "route GET /api/a2c/v1/results", allow: [], rule: "no key: 401 whatever the session" },
];
