import { env } from "./env.server";

/**
 * The origin of links handed to employees: PUBLIC_URL when set (behind a proxy, or when HR
 * uses another address than employees), else the origin the request came to.
 */
export function publicOrigin(request: Request): string {
  return env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : new URL(request.url).origin;
}
