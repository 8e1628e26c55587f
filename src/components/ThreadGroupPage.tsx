import { groupPath } from '../site';
import type { ThreadGroupView } from '../views/thread-group';
import { Breadcrumbs } from './Breadcrumbs';
import { GROUP_LABELS, groupTrail } from './group-labels';
import { Layout } from './Layout';
import { Pagination } from './Pagination';
import { ThreadList } from './ThreadList';

type Props = { view: ThreadGroupView };

/** One page of a group of threads (a topic): its threads, newest first, 50 a page, paged like the index. */
export function ThreadGroupPage({ view }: Props) {
  const { kind, group, page, pageCount, total } = view;
  const heading = page > 1 ? `${group.name}, page ${page} of ${pageCount}` : group.name;
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'question' : 'questions'}`;
  const path = (n: number) => groupPath(kind, group.slug, n);
  return (
    <Layout title={heading} description={GROUP_LABELS[kind].describe(count, group.name)} path={path(page)}>
      <Breadcrumbs trail={groupTrail(kind)} />
      <h1 dir="auto">{heading}</h1>
      <p className="archive-counts">{pageCount > 1 ? `${count} · page ${page} of ${pageCount}` : count}</p>
      <ThreadList threads={view.threads} />
      <Pagination page={page} pageCount={pageCount} path={path} />
    </Layout>
  );
}
