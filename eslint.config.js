// Lint rules: correctness first (typescript-eslint, React hooks), then accessibility (jsx-a11y)
// and a fixed import order. Layout is Prettier's job, so eslint-config-prettier turns off every
// rule that would argue with it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const resultsGate = {
  regex: "models/results/(?!index\\.server$)",
  message: "Read results through ~/models/results/index.server, the one gate.",
};

/** Files in `files` may not import from the app folders in `below`. */
function layer(files, below, why) {
  return {
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            resultsGate,
            {
              regex: `^(~/|(\\.\\./)+)(${below.join("|")})(/|$)`,
              message: `Imports point down only (routes -> pages -> models -> domain): ${why}.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".cache/", "app/generated/", "data/", "tmp/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "import-x": importX },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import-x/first": "error",
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          pathGroups: [{ pattern: "~/**", group: "internal" }],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "react/prop-types": "off",
      // Apostrophes and quotes in JSX text render as written; escaping them only hurts reading.
      "react/no-unescaped-entities": "off",
    },
  },
  // The results gate has one entrance: nothing outside app/models/results/ may reach past it.
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["app/models/results/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [resultsGate] }] },
  },
  // Imports point down only: routes -> pages -> models -> domain, with utils (infrastructure)
  // below models. Each layer's rule repeats the gate, since a later rule replaces an earlier one.
  layer("app/domain/**", ["models", "pages", "utils", "routes", "components"], "domain is pure"),
  layer("app/utils/**", ["models", "pages", "routes", "components"], "utils is infrastructure, below models"),
  layer("app/models/**", ["pages", "routes", "components"], "models sit below the pages and routes"),
  layer("app/pages/**", ["routes"], "pages sit below the routes"),
  {
    // The browser build drops a route's unused loader and action functions, but keeps a call at
    // the top level: `export const loader = wrap(...)` would run server code in the browser.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(loader|action)$/] > CallExpression",
          message: "Write `export async function loader/action` and call the wrapper inside it.",
        },
      ],
    },
  },
  {
    // Remix's type references are its documented way of typing the environment.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },
  {
    files: ["tests/**"],
    languageOptions: { globals: { ...globals.vitest } },
  },
  prettier,
);
