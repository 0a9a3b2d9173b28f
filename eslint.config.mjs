import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Guard rails (docs/architecture.md): only the data layer touches the database client, and a
// route's private components stay private to it.
const DATABASE_CLIENT = {
  group: ["@/lib/db/client", "@/lib/db/*", "@/lib/generated/prisma/client", "**/lib/db/client"],
  message: "Only lib/data and lib/db use the database client: ask the data layer instead.",
};
const OTHER_ROUTES_COMPONENTS = {
  // An ancestor route's _components ("../_components/x") are shared with its sub-routes; a
  // sibling's ("../../sign-in/_components/x") or any absolute path into app/ are not.
  regex: "^(@/app/.*_components|(\\.\\./)+[^./][^/]*/(.*/)?_components)(/|$)",
  message: "A route's _components are private to it: move what is shared to components/.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/out/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "no-restricted-imports": ["error", { patterns: [DATABASE_CLIENT, OTHER_ROUTES_COMPONENTS] }],
    },
  },
  {
    // The layers allowed to use the database client: the data layer, the database module, the
    // authorization kernel's session lookup, and the scripts, seed and tests that build databases.
    files: ["lib/data/**", "lib/db/**", "prisma/**", "scripts/**", "tests/**", "bench/**", "**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [OTHER_ROUTES_COMPONENTS] }] },
  },
]);
