import { isRouteErrorResponse, Link } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That did not work",
  401: "Please sign in",
  403: "Not for you",
  404: "Not found",
  409: "Already done",
  410: "No longer open",
  413: "Too large",
  429: "Please wait",
};

/** Expected failures show their message; anything else a calm apology, never a stack trace. */
export function ErrorPage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "string" && error.data.trim() !== "" ? error.data : error.statusText;
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
