import { formatDay } from "~/domain/utc-time";

/**
 * On a round whose personal links were downloaded as a file: whoever held the file could have
 * answered in anyone's name, people made up for the purpose included, and the reader is told.
 */
export function LinksDownloadedWarning({ at }: { at: Date | string | null }) {
  if (!at) return null;
  return (
    <p className="warning">
      This round's personal links were downloaded as a file (first on {formatDay(at)}). Whoever held the file could
      answer in anyone's name, also for people added to the directory only for that: read the figures of small groups
      with that in mind. Its survey page tells respondents the same.
    </p>
  );
}
