import { isRouteErrorResponse, Link, type ErrorResponse } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That did not work",
  401: "Please sign in",
  403: "No access",
  404: "Not found",
  409: "Already done",
  410: "No longer open",
  413: "Too large",
  429: "Please wait",
};

/**
 * What to tell the reader. The app's own thrown Responses carry a message written for them; the
 * router's own (an unknown URL, a form sent where no page takes it) carry text for developers,
 * such as `Error: No route matches URL "/nope"`, so those get plain words instead.
 */
export function messageOf(error: ErrorResponse): string {
  if ((error as { internal?: unknown }).internal === true) {
    return error.status === 404
      ? "We could not find that page."
      : "Sorry, that did not work. Please go back and try again.";
  }
  return typeof error.data === "string" && error.data.trim() !== "" ? error.data : error.statusText;
}

/** Expected failures show their message; anything else a calm apology, never a stack trace. */
export function ErrorPage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const message = messageOf(error);
    return (
      <section className="error-page" role="alert">
        <h1>{TITLES[error.status] ?? "Something went wrong"}</h1>
        <p>{message}</p>
        {error.status === 401 ? (
          <p>
            <Link to="/login">Sign in</Link>
          </p>
        ) : (
          <p>
            <Link to="/">Back to the start page</Link>
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="error-page" role="alert">
      <h1>Something went wrong</h1>
      <p>Sorry, something broke on our side. Please try again in a moment.</p>
      <p>
        <Link to="/">Back to the start page</Link>
      </p>
    </section>
  );
}
