import { expect } from "vitest";

/**
 * A retrying assertion: reads again until the matcher passes or 10 s have gone by, so a check
 * does not fail on a page that is still loading, hydrating or drawing.
 * `await eventually(() => locator.textContent()).toBe("Saved")`
 */
export function eventually<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: 10_000, interval: 100, message });
}
