import type { AppLoadContext } from "@remix-run/node";

/** The client's address, as the server (which knows about proxies) put it in the context. */
export function clientAddress(context: AppLoadContext | undefined): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address !== "" ? address : "unknown";
}
