/** What HR should know before opening a shared link (see docs/SECURITY.md). */
export function SharedLinkCaution() {
  return (
    <span className="muted small">
      Anyone with a shared link can answer, more than once, and choose any department and role. Use it where personal
      links cannot reach people (a kiosk, a poster); next to personal links it weakens the protection of small groups.
    </span>
  );
}
