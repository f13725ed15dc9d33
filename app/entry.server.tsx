import { Transform } from "node:stream";
import { inspect } from "node:util";
import { type EntryContext, type HandleErrorFunction, createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { startScheduler } from "~/models/schedules.server";
import { truncateWriteAheadLog } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { redactTokenIn } from "~/utils/log-redaction";

/**
 * Remix's standard Node entry, plus two background jobs, started once per server process (a
 * global guards against a second start when a development server reloads the build): the round
 * scheduler, and emptying the write-ahead log every two seconds.
 */
const background = globalThis as typeof globalThis & { __candorBackgroundStarted?: boolean };
if (!background.__candorBackgroundStarted) {
  background.__candorBackgroundStarted = true;
  if (env.SCHEDULER) startScheduler();
  const emptyLog = () =>
    truncateWriteAheadLog().catch((error) => console.error("Emptying the write-ahead log failed:", error));
  setInterval(emptyLog, 2_000).unref();
}

export const streamTimeout = 5_000;

/**
 * React 18.3's streaming renderer can emit stray NUL bytes between the characters of longer
 * non-Latin texts (seen in Russian and Bulgarian). Browsers drop them in page text but keep
 * them as "\uFFFD" in form fields, where they end up saved. A NUL never belongs in HTML, so
 * they are taken out on the way.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}

/**
 * Remix prints every unexpected error here. A URL that matches no route is not one (the 404
 * page says so), and its message quotes the URL, which may hold a survey token; every other
 * error is printed with the request's token cut out (anonymity rule 8).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  // An error response Remix made itself carries the error it stands for.
  printError(isRouteErrorResponse(error) ? ((error as { error?: unknown }).error ?? error) : error, request);
};

function printError(error: unknown, request: Request) {
  console.error(redactTokenIn(inspect(error), request.url));
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Crawlers and the SPA build get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const respond = () => {
      shellRendered = true;
      const body = withoutNulBytes();
      responseHeaders.set("Content-Type", "text/html");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      onShellReady() {
        if (!waitForAll) respond();
      },
      onAllReady() {
        if (waitForAll) respond();
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell is ready reject above and are logged by Remix.
        if (shellRendered) printError(error, request);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}
