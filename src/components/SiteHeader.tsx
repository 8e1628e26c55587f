import { SITE_NAME, sitePath } from '../site';

type Props = {
  /** The section links, in order (src/routes/table.ts, headerSections). */
  sections: { section: string; label: string; path: string }[];
  /** The section the page belongs to, marked with aria-current; none on the 404 page. */
  current: string | null;
};

/**
 * Skip link and site header with the section links, on every page. Rendered by `_document` (the
 * page itself does not know the archive's sections), so with plain `<a>` elements and the base path.
 */
export function SiteHeader({ sections, current }: Props) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <a className="site-name" href={sitePath('/')}>
          {SITE_NAME}
        </a>
        <nav aria-label="Site">
          <ul>
            {sections.map(({ section, label, path }) => (
              <li key={section}>
                <a href={sitePath(path)} aria-current={section === current ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
    </>
  );
}
