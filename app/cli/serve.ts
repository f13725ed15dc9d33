/**
 * Starts Candor: applies database migrations, seeds the demo company on a first start (unless
 * SEED_DEMO=false), then serves the built app. `npm start` builds first and runs this.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import Database from "better-sqlite3";
import compression from "compression";
import express from "express";
import { databaseFile, resolveDatabaseUrl } from "~/utils/database-url";
import { InvitationKeyError, prepareInvitationKey } from "~/utils/invitation-key.server";
import { redactPath } from "~/utils/log-redaction";
import { isCrossSiteRequest } from "~/utils/same-origin";
import { applyMigrations } from "./migrate";

const root = process.cwd();
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/** Stops the start with a plain message when the invitation key is missing or not this database's. */
function checkInvitationKey() {
  const file = databaseFile(process.env.DATABASE_URL);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    prepareInvitationKey(db, file);
  } catch (error) {
    if (!(error instanceof InvitationKeyError)) throw error;
    console.error(error.message);
    process.exit(1);
  } finally {
    db.close();
  }
}

function prepareDatabase() {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  applyMigrations();
  checkInvitationKey();
  const demo = (process.env.SEED_DEMO ?? "true").trim().toLowerCase();
  if (!["false", "0", "no"].includes(demo)) {
    // A separate process, so the server's own database connection is the only one it keeps.
    const seeded = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "prisma/seed.ts"), "--if-empty"], {
      stdio: "inherit",
    });
    if (seeded.status !== 0) process.exit(seeded.status ?? 1);
  }
}

function securityHeaders(_req: express.Request, res: express.Response, next: express.NextFunction) {
  res.set({
    "X-Content-Type-Options": "nosniff",
    // Survey links carry a token in their path: never send it on to another site. (Not
    // "no-referrer": under it browsers send "Origin: null" on our own plain form posts, and
    // Remix's CSRF check then refuses every form used without JavaScript.)
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy":
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
      "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
  });
  next();
}

const readsNothing = (req: express.Request) =>
  req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS";

function refuseCrossSiteWrites(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (readsNothing(req)) return next();
  const crossSite = isCrossSiteRequest({
    origin: req.get("origin"),
    host: req.get("host"),
    secFetchSite: req.get("sec-fetch-site"),
  });
  if (crossSite) {
    res.status(403).type("text/plain").send("Forms can only be sent from Candor's own pages.");
    return;
  }
  next();
}

/**
 * Refuses a body over MAX_BODY_BYTES before reading any of it. Only a declared length can be
 * checked up front: a body without one (Transfer-Encoding: chunked) would be read in full by
 * the form parser, so it is refused. Browsers always send Content-Length with a form.
 */
function limitBodies(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (readsNothing(req)) return next();
  if (req.get("transfer-encoding") !== undefined) {
    res.status(411).type("text/plain").send("Length required: send the request with a Content-Length.");
    return;
  }
  if (Number(req.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("That request is too large.");
    return;
  }
  next();
}

function requestLog(req: express.Request, res: express.Response, next: express.NextFunction) {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (process.env.LOG_REQUESTS !== "false") {
      console.log(`${req.method} ${redactPath(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)}ms`);
    }
  });
  next();
}

async function serve() {
  const buildPath = path.join(root, "build/index.js");
  if (!fs.existsSync(buildPath)) {
    console.error("The app is not built yet: run `npm run build` (or `npm start`, which builds).");
    process.exit(1);
  }
  const build = await import(pathToFileURL(buildPath).href);

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY === "true") app.set("trust proxy", true);
  app.use(requestLog);
  app.use(securityHeaders);
  app.use(compression());
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.use(refuseCrossSiteWrites);
  app.use(limitBodies);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown" }),
    }),
  );

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const server = app.listen(port, host, () => {
    const shown = host === "0.0.0.0" ? "localhost" : host;
    console.log(`Candor is running at http://${shown}:${port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

prepareDatabase();
await serve();
