import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

describe("parseEnv", () => {
  it("works with nothing set, for the quick start", () => {
    const env = parseEnv({});
    expect(env.SEED_DEMO).toBe(true);
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(env.DATABASE_URL).toMatch(/data\/candor\.db$/);
  });

  it("turns the demo off with SEED_DEMO=false", () => {
    expect(parseEnv({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ SMTP_URL: "", SESSION_SECRET: " ", PUBLIC_URL: "  " });
    expect(env.SMTP_URL).toBeUndefined();
    // A blank secret is no secret: it falls back to the generated one instead of failing the start.
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(env.PUBLIC_URL).toBeUndefined();
  });

  it("names each bad setting in plain words", () => {
    expect(() => parseEnv({ SESSION_SECRET: "short", SEED_DEMO: "maybe", SMTP_URL: "http://x" })).toThrowError(
      /SESSION_SECRET: must be at least 32 characters[\s\S]*SEED_DEMO: must be "true" or "false"[\s\S]*SMTP_URL/,
    );
  });
});
