import Link from 'next/link';
import type { NamesPageView } from '../content/views';
import { directoryPath, groupPath } from '../site';
import { Breadcrumbs } from './Breadcrumbs';
import { Layout } from './Layout';
import { Pagination } from './Pagination';

type Props = { view: NamesPageView };

const KIND = {
  specialty: { title: 'Specialties', intro: 'The doctors of the archive by specialty, A to Z.' },
  location: { title: 'Places', intro: 'The doctors of the archive by place, A to Z.' },
} as const;

/** A page of the list of specialties or places: each name links to its doctors, with their number. */
export function NamesPage({ view }: Props) {
  const { kind, page, pageCount, total } = view;
  const heading = page > 1 ? `${KIND[kind].title}, page ${page} of ${pageCount}` : KIND[kind].title;
  const path = (n: number) => groupPath(kind, undefined, n);
  return (
    <Layout title={heading} description={KIND[kind].intro} path={path(page)}>
      <Breadcrumbs trail={[{ name: 'Doctors', path: directoryPath() }, { name: KIND[kind].title }]} />
      <h1>{heading}</h1>
      <p className="archive-counts">{`${total.toLocaleString('en-US')} in all${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}`}</p>
      <ul className="names">
        {view.names.map((n) => (
          <li key={n.slug} dir="auto">
            <Link href={groupPath(kind, n.slug)}>{n.name}</Link>
            {` (${n.count.toLocaleString('en-US')})`}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} path={path} />
    </Layout>
  );
}
