import { useNavigate } from "@remix-run/react";
import type { MouseEvent } from "react";

/**
 * Big tables write their links as plain <a> elements: a Remix <Link> per cell costs far more to
 * render than the rest of the cell. This click handler, put on the table's container, still
 * follows those links within the app instead of reloading the page (and a browser without
 * JavaScript simply follows the plain link).
 */
export function useFastLinks() {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = (event.target as Element).closest("a");
    if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
}
