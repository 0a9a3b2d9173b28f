import { RESULTS_FILE_COLUMNS } from "@/lib/results/files";
import { ENTRY_COLUMNS_DOC } from "./columns";

// The A2C API's OpenAPI 3.1 description, written by hand (served at /api/a2c/v1/openapi.json).

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: string[];
  example?: unknown;
  format?: string;
};
type Parameter = { name: string; in: "query" | "header"; required: boolean; description: string; schema: Schema };
type Response = {
  description: string;
  headers?: Record<string, { description: string; schema: Schema }>;
  content?: Record<string, { schema: Schema }>;
};
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters: Parameter[];
  responses: Record<string, Response>;
};
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, { get: Operation }>;
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, Schema>;
  };
};

const rowSchema = (columns: Record<string, string>): Schema => ({
  type: "object",
  required: Object.keys(columns),
  properties: Object.fromEntries(
    Object.entries(columns).map(([name, description]) => [name, { type: "string", description }]),
  ),
});

const params: Parameter[] = [
  {
    name: "series",
    in: "query",
    required: true,
    description: 'The series code, e.g. "2027-06".',
    schema: { type: "string", example: "2027-06" },
  },
  {
    name: "format",
    in: "query",
    required: false,
    description: "csv for a CSV file; JSON otherwise (an Accept: text/csv header also selects CSV).",
    schema: { type: "string", enum: ["json", "csv"] },
  },
];

const errors: Record<string, Response> = {
  "400": {
    description: "The series parameter is missing.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "401": {
    description: "No key, an unknown key or a revoked key.",
    headers: { "WWW-Authenticate": { description: "Bearer", schema: { type: "string" } } },
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "404": {
    description: "No series has that code.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "429": {
    description: "Too many calls with this key (120 a minute), or too many without a live key from one address.",
    headers: { "Retry-After": { description: "Seconds until the next call is allowed.", schema: { type: "integer" } } },
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
};

const operation = (kind: "entries" | "results", summary: string, description: string): Operation => ({
  operationId: `get${kind[0].toUpperCase()}${kind.slice(1)}`,
  summary,
  description,
  security: [{ a2cKey: [] }],
  parameters: params,
  responses: {
    "200": {
      description: `The centre's ${kind} in the series.`,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["series", kind],
            properties: {
              series: { type: "string" },
              [kind]: {
                type: "array",
                items: { $ref: `#/components/schemas/${kind === "entries" ? "Entry" : "Result"}` },
              },
            },
          },
        },
        "text/csv": {
          schema: {
            type: "string",
            description:
              "A header line, then one line per row (RFC 4180, CRLF). Entries: the Entry property names as headers. Results: the results file layout, headers as in each Result property's description.",
          },
        },
      },
    },
    ...errors,
  },
});

export const A2C_OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Porth A2C API",
    version: "1.0.0",
    description:
      "Awarding body to Centre data exchange. A centre's A2C key (made by the exams officer under Centre Administration › A2C keys) fetches that centre's entries and results. Every call is audited and limited to 120 a minute per key.",
  },
  servers: [{ url: "/api/a2c/v1" }],
  paths: {
    "/entries": {
      get: operation(
        "entries",
        "The centre's entries in a series",
        "Every entry of the key's centre in the series, withdrawn entries included (status WITHDRAWN).",
      ),
    },
    "/results": {
      get: operation(
        "results",
        "The centre's results in a series",
        "The key's centre's results in the series. Results are under embargo until the series' restricted release (00:00 Europe/London on the day before results day): before then the list is empty, exactly as for a series without results.",
      ),
    },
  },
  components: {
    securitySchemes: {
      a2cKey: { type: "http", scheme: "bearer", description: "An A2C key: Authorization: Bearer porth_a2c_…" },
    },
    schemas: {
      Entry: rowSchema(ENTRY_COLUMNS_DOC),
      // The results file's columns (lib/results/files.ts); uniformMark is a number or null.
      Result: {
        type: "object",
        required: RESULTS_FILE_COLUMNS.map((c) => c.key),
        properties: Object.fromEntries(
          RESULTS_FILE_COLUMNS.map((c) => [
            c.key,
            c.key === "uniformMark"
              ? { type: ["integer", "null"], description: c.description }
              : { type: "string", description: `${c.header}: ${c.description}` },
          ]),
        ),
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: { type: "string", enum: ["unauthenticated", "limited", "invalid", "notFound"] },
          reason: {
            type: "string",
            description: "With limited: rateLimited when calls without a live key are slowed down.",
          },
        },
      },
    },
  },
} satisfies OpenApiDocument;
