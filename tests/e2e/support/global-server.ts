import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServer } from "../../support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverOutput: string;
  }
}

/** One demo server for the browser tests, started as a newcomer would start it. */
export default async function setup(project: TestProject) {
  // Databases of earlier runs (each test file makes its own) are not needed any more.
  fs.rmSync(path.resolve("tmp/e2e"), { recursive: true, force: true });
  const server = await startServer({ env: { SEED_DEMO: "true" } });
  project.provide("baseUrl", server.url);
  project.provide("serverOutput", server.output());
  return () => server.stop();
}
