import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["tests/{unit,integration,routes,components}/**/*.test.{ts,tsx}"],
    globals: true,
    environment: "node",
    globalSetup: ["tests/setup/template-database.ts"],
    setupFiles: ["tests/setup/test-database.ts", "tests/setup/dom-matchers.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
