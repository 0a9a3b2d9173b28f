// A2C keys and the A2C machine API (docs/product-rules.md ("A2C")). Keys: EO always, Admins
// with the a2c grant. The API: the key decides, never the session.
import { form, type Fixtures, type Row } from "../types";

const KEYS = ["eo", "admin", "otherCentre"] as const;

const keyed =
  (path: string) =>
  async ({ fx }: { fx: Fixtures }) =>
    new Request(`http://localhost${path}?series=${fx.seriesCode}`, {
      headers: { authorization: `Bearer ${(await fx.newA2cKey()).key}` },
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
    form: async ({ fx }) => form({ keyId: (await fx.newA2cKey()).id }),
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
