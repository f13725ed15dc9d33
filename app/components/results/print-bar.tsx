import { Link } from "@remix-run/react";

/** Above the print version: how to make a PDF of it, and the way back. Not printed itself. */
export function PrintBar({ roundId, focusKey }: { roundId: string; focusKey?: string }) {
  const back = `/hr/rounds/${roundId}/results${focusKey ? `?group=${encodeURIComponent(focusKey)}` : ""}`;
  return (
    <div className="print-bar no-print">
      <p>This version is laid out for printing: choose "Save as PDF" in the print dialog for a report.</p>
      <div className="row">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <Link to={back}>Back to the interactive results</Link>
      </div>
    </div>
  );
}
