import Link from 'next/link';
import { groupPath } from '../site';
import type { GroupListView } from '../views/group-list';
import { Breadcrumbs } from './Breadcrumbs';
import { GROUP_LABELS } from './group-labels';
import { Layout } from './Layout';
import { Pagination } from './Pagination';

type Props = { view: GroupListView };

/** A page of the list of a kind's groups (topics, specialties, places): each name links to its page, with its count. */
export function GroupListPage({ view }: Props) {
  const { kind, page, pageCount, total } = view;
  const { list, intro, parent } = GROUP_LABELS[kind];
  const heading = page > 1 ? `${list}, page ${page} of ${pageCount}` : list;
  const pageOf = (n: number) => groupPath(kind, undefined, n);
  return (
    <Layout title={heading} description={intro} path={pageOf(page)}>
      {parent ? <Breadcrumbs trail={[parent]} /> : null}
      <h1>{heading}</h1>
      <p className="archive-counts">{`${intro} ${total.toLocaleString('en-US')} in all${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}.`}</p>
      <ul className="names">
        {view.groups.map((g) => (
          <li key={g.slug} dir="auto">
            <Link href={groupPath(kind, g.slug)}>{g.name}</Link>
            {` (${g.count.toLocaleString('en-US')})`}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} path={pageOf} />
    </Layout>
  );
}
