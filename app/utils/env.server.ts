import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { databaseFile, resolveDatabaseUrl } from "./database-url";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: 'must be "true" or "false"',
  })
  .transform((value) => ["true", "1", "yes"].includes(value));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().transform((value, ctx) => {
    try {
      return resolveDatabaseUrl(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional(),
  SEED_DEMO: booleanFlag.default(true),
  /** smtp://user:pass@host:port; without it, mail waits in the in-app outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Candor <candor@localhost>"),
  /** Where employees reach Candor, for links in mail and CSV; else the request's own origin. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional(),
  /** Start the round scheduler (off in tests, which drive it by hand). */
  SCHEDULER: booleanFlag.default(true),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

/** Empty strings count as unset, as they do in most .env files and CI settings. */
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const result = envSchema.safeParse({ DATABASE_URL: "", ...withoutEmpty(source) });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid settings:\n${lines.join("\n")}`);
  }
  return result.data;
}

/**
 * Without SESSION_SECRET, a secret is made once and kept next to the database, so the quick
 * start needs no setup and sessions survive restarts.
 */
function sessionSecretFor(databaseUrl: string): string {
  const file = path.join(path.dirname(databaseFile(databaseUrl)), "session-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not made yet.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function loadEnv(): Env {
  const parsed = parseEnv(process.env);
  return {
    ...parsed,
    SESSION_SECRET: parsed.SESSION_SECRET ?? sessionSecretFor(parsed.DATABASE_URL),
  };
}

export const env = loadEnv();
