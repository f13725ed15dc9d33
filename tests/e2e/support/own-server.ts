import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { RunningServer } from "../../support/server";
import { launchBrowser } from "./browser";

/**
 * A server of the test file's own and a browser for its tests. `start` prepares the file's data
 * and starts the server on it; both stop after the file's tests, even when a test failed.
 */
export function useOwnServer(start: () => Promise<RunningServer>): { server: RunningServer; browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("The server is not running yet.");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("The browser is not running yet.");
      return browser;
    },
  };
}
