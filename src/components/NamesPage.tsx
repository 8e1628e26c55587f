import Link from 'next/link';
import type { NamesPageView } from '../content/views';
import { directoryPath, groupPath, topicPath } from '../site';
import { Breadcrumbs } from './Breadcrumbs';
import { Layout } from './Layout';
import { Pagination } from './Pagination';

type Props = { view: NamesPageView };

type Kind = NamesPageView['kind'];

const KIND: Record<Kind, { title: string; intro: string; path: (slug?: string, n?: number) => string }> = {
  topic: { title: 'Topics', intro: 'The questions of the archive by topic, A to Z, with their number of questions.', path: topicPath },
  specialty: { title: 'Specialties', intro: 'The doctors of the archive by specialty, A to Z, with their number of doctors.', path: (s, n) => groupPath('specialty', s, n) },
  location: { title: 'Places', intro: 'The doctors of the archive by place, A to Z, with their number of doctors.', path: (s, n) => groupPath('location', s, n) },
};

/** A page of the list of topics, specialties or places: each name links to its page, with its count. */
export function NamesPage({ view }: Props) {
  const { kind, page, pageCount, total } = view;
  const { title, intro, path } = KIND[kind];
  const heading = page > 1 ? `${title}, page ${page} of ${pageCount}` : title;
  const pageOf = (n: number) => path(undefined, n);
  return (
    <Layout title={heading} description={intro} path={pageOf(page)}>
      {kind === 'topic' ? null : <Breadcrumbs trail={[{ name: 'Doctors', path: directoryPath() }]} />}
      <h1>{heading}</h1>
      <p className="archive-counts">{`${intro} ${total.toLocaleString('en-US')} in all${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}.`}</p>
      <ul className="names">
        {view.names.map((n) => (
          <li key={n.slug} dir="auto">
            <Link href={path(n.slug)}>{n.name}</Link>
            {` (${n.count.toLocaleString('en-US')})`}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} path={pageOf} />
    </Layout>
  );
}
