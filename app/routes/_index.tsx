import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getUser } from "~/pages/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) return redirect("/hr");
  return null;
}

export default function Index() {
  return (
    <main className="centered" id="main">
      <div className="card">
        <h1>Candor</h1>
        <p>Anonymous employee surveys: how likely are you to recommend this place to work, and what should change.</p>
        <p className="muted">
          Got a survey link? Open it directly; answering needs no account and nobody can see who answered what.
        </p>
        <div className="row">
          <Link className="button button-secondary" to="/you-said-we-did">
            You said, we did: results and what was done
          </Link>
          <Link className="button" to="/login">
            Sign in (HR, trainers, managers)
          </Link>
        </div>
      </div>
    </main>
  );
}
