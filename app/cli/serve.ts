/**
 * Starts Candor: applies database migrations, seeds the demo company on a first start (unless
 * SEED_DEMO=false), then serves the built app. `npm start` builds first and runs this.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { createRequestHandler } from "@remix-run/express";
import Database from "better-sqlite3";
import compression from "compression";
import express from "express";
import { databaseFile, resolveDatabaseUrl } from "~/utils/database-url";
import { InvitationKeyError, prepareInvitationKey } from "~/utils/invitation-key.server";
import { redactPath, redactTokenIn, scrubTokens } from "~/utils/log-redaction";
import { isDecodablePath, isServedMethod, isValidHost, personalLinkPath, SERVED_METHODS } from "~/utils/request-guards";
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

/**
 * Everything the process prints passes through `scrubTokens`: whatever library prints a URL or
 * an error (the router's warnings, express, a mail error quoting a link), no survey token
 * reaches the log (anonymity rule 8).
 */
function scrubOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      return write(scrubTokens(text), ...rest);
    }) as typeof stream.write;
  }
}

const plainText = (res: express.Response, status: number, message: string) =>
  res.status(status).type("text/plain").send(message);

/**
 * Refuses, before the app sees them, requests it could only fail on: a method it does not serve
 * (TRACE and the like, 405), a Host it could not build the request's URL from (400), a path
 * that is not valid percent-encoded UTF-8 (400). A personal link is never cached, and one in any
 * spelling but the plain one (sub-paths, encoded characters, doubled slashes) is answered 404
 * here, so no part of the app handles or quotes it.
 */
function guardRequests(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (!isServedMethod(req.method)) {
    res.set("Allow", SERVED_METHODS.join(", "));
    return plainText(res, 405, "That method is not supported.");
  }
  if (!isValidHost(req.get("host")) || !isValidHost(req.hostname)) {
    return plainText(res, 400, "That request names no valid host.");
  }
  const path = req.originalUrl.split("?", 1)[0];
  if (!isDecodablePath(path)) return plainText(res, 400, "That address is not valid.");
  const link = personalLinkPath(path);
  if (link !== null) res.set("Cache-Control", "no-store");
  if (link === "not-found") return plainText(res, 404, "We could not find that page.");
  next();
}

/** An error no handler answered: printed without the request's token, answered in plain words. */
function lastResort(error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) {
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === "number" && status >= 400 && status < 500;
  if (!clientError) console.error(redactTokenIn(inspect(error), req.originalUrl));
  if (res.headersSent) return next(error);
  plainText(res, clientError ? status : 500, clientError ? "That request could not be read." : "Something went wrong.");
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
  // A form refused part way (too many fields) leaves the rest of its body unread: it is read and
  // dropped, unparsed, so the client gets its answer instead of a reset connection.
  res.on("finish", () => {
    if (!req.complete) req.resume();
  });
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
  app.use(guardRequests);
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
  app.use(lastResort);

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

scrubOutput();
prepareDatabase();
await serve();
