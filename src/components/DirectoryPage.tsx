import Link from 'next/link';
import { directoryPath, groupPath } from '../site';
import type { DirectoryPageView } from '../views/directory';
import { Breadcrumbs } from './Breadcrumbs';
import { DoctorList } from './DoctorList';
import { GROUP_LABELS, groupTrail } from './group-labels';
import { Layout } from './Layout';
import { Pagination } from './Pagination';

type Props = { view: DirectoryPageView };

/**
 * A page of the doctor directory (letter links, links to specialties and places) or of the
 * doctors of one specialty or place (breadcrumbs back to the directory), 100 doctors a page.
 */
export function DirectoryPage({ view }: Props) {
  const { group, page, pageCount, total } = view;
  const name = group ? group.name : 'Doctors';
  const heading = page > 1 ? `${name}, page ${page} of ${pageCount}` : name;
  const path = (n: number) => (group ? groupPath(group.kind, group.slug, n) : directoryPath(n));
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'doctor' : 'doctors'}`;
  return (
    <Layout
      title={group ? `${heading}: doctors` : heading}
      description={
        group
          ? GROUP_LABELS[group.kind].describe(count, group.name)
          : `Every doctor who answers in the archive, A to Z: ${count}.`
      }
      path={path(page)}
    >
      {group ? <Breadcrumbs trail={groupTrail(group.kind)} /> : null}
      <h1 dir="auto">{heading}</h1>
      <p className="archive-counts">{pageCount > 1 ? `${count} · page ${page} of ${pageCount}` : count}</p>
      {group ? null : (
        <>
          <p>
            {'Browse by '}
            <Link href={groupPath('specialty')}>specialty</Link>
            {' or by '}
            <Link href={groupPath('location')}>place</Link>.
          </p>
          <nav className="letters" aria-label="Letters">
            <ul>
              {view.letters.map(({ letter, href }) => (
                <li key={letter}>
                  {href ? (
                    <Link href={href} aria-label={letter === '#' ? 'Other names' : `Names starting with ${letter}`}>
                      {letter}
                    </Link>
                  ) : (
                    <span aria-hidden="true">{letter}</span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </>
      )}
      <DoctorList entries={view.entries} byLetter={group === null} />
      <Pagination page={page} pageCount={pageCount} path={path} />
    </Layout>
  );
}
