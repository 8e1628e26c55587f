import { SITE_NAME, sitePath } from '../site';

/** The sections of the site, as the header names them. */
export type Section = 'questions' | 'topics' | 'doctors' | 'search';

type Props = {
  /** The section the page belongs to, marked with aria-current; none on the 404 page. */
  current: Section | null;
  /** Whether the archive has topics: without any, no Topics link (it would lead to an empty page). */
  topics: boolean;
};

/** The section a page route (Next's `/doctors/[slug]` form) belongs to. */
export function sectionOf(route: string): Section | null {
  if (route === '/' || route.startsWith('/page/') || route.startsWith('/threads/')) return 'questions';
  if (route.startsWith('/topics')) return 'topics';
  if (/^\/(doctors|specialties|locations)(\/|$)/u.test(route)) return 'doctors';
  if (route === '/search') return 'search';
  return null;
}

/**
 * Skip link and site header with the section links, on every page. Rendered by `_document` (the
 * page itself does not know the archive's sections), so with plain `<a>` elements and the base path.
 */
export function SiteHeader({ current, topics }: Props) {
  const links: [Section, string, string][] = [
    ['questions', '/', 'Questions'],
    ...(topics ? [['topics', '/topics/', 'Topics'] as [Section, string, string]] : []),
    ['doctors', '/doctors/', 'Doctors'],
    ['search', '/search/', 'Search'],
  ];
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
            {links.map(([section, href, label]) => (
              <li key={section}>
                <a href={sitePath(href)} aria-current={section === current ? 'page' : undefined}>
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
