/**
 * Links to the sections of a long page, at its top: plain fragment links, so they work without
 * JavaScript and a screen reader lists them as one navigation.
 */
export function PageContents({
  sections,
}: {
  sections: readonly ({ id: string; label: string } | false | null | undefined)[];
}) {
  const shown = sections.filter((section): section is { id: string; label: string } => !!section);
  if (shown.length < 2) return null;
  return (
    <nav className="page-contents" aria-label="On this page">
      <h2 className="visually-hidden">On this page</h2>
      <ul>
        {shown.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
