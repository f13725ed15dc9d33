import { PassThrough } from "node:stream";
import { inspect } from "node:util";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { startScheduler } from "~/models/schedules.server";
import { env } from "~/utils/env.server";
import { redactTokenIn } from "~/utils/log-redaction";

/**
 * Remix's standard Node entry, plus the round scheduler: this module is loaded once per
 * server process, so the scheduler starts once (a global guards against a second start when
 * the development server reloads the build).
 */
const scheduler = globalThis as typeof globalThis & { __candorSchedulerStarted?: boolean };
if (env.SCHEDULER && !scheduler.__candorSchedulerStarted) {
  scheduler.__candorSchedulerStarted = true;
  startScheduler();
}

export const streamTimeout = 5_000;

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
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
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
