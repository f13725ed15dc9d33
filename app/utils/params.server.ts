import { z } from "zod";
import { notFound } from "./http.server";

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A route's id parameter, or 404: a malformed id names nothing. */
export function requireId(params: Record<string, string | undefined>, name: string): string {
  const parsed = idSchema.safeParse(params[name]);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** `?page=` as a whole number from 1; anything else is page 1. */
export function pageFrom(url: URL): number {
  const page = Number(url.searchParams.get("page"));
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** A text filter from the query string, trimmed and bounded. */
export function queryText(url: URL, name: string, max = 200): string {
  return (url.searchParams.get(name) ?? "").trim().slice(0, max);
}
