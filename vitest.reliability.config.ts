import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // Each file loads the machine on purpose; run them one after another.
    fileParallelism: false,
  },
});
