import { Link } from "@remix-run/react";
import { EmptyState, PageHeader } from "./page";

/** What a page that launches employee surveys shows before there is one to launch. */
export function NeedsEnpsSurvey({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="No employee survey yet">
        <p>Create one from the employee NPS template first.</p>
        <Link className="button" to="/hr/surveys/new?template=ENPS">
          New survey
        </Link>
      </EmptyState>
    </>
  );
}
