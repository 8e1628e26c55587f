import type { TopicPageView } from '../content/views';
import { topicPath } from '../site';
import { Breadcrumbs } from './Breadcrumbs';
import { Layout } from './Layout';
import { Pagination } from './Pagination';
import { ThreadList } from './ThreadList';

type Props = { view: TopicPageView };

/** One page of a topic: its threads, newest first, 50 a page, paged like the index. */
export function TopicPage({ view }: Props) {
  const { topic, page, pageCount, total } = view;
  const heading = page > 1 ? `${topic.name}, page ${page} of ${pageCount}` : topic.name;
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'question' : 'questions'}`;
  const path = (n: number) => topicPath(topic.slug, n);
  return (
    <Layout title={heading} description={`${count} on ${topic.name} in the archive, with the doctors' answers.`} path={path(page)}>
      <Breadcrumbs trail={[{ name: 'Topics', path: topicPath() }]} />
      <h1 dir="auto">{heading}</h1>
      <p className="archive-counts">{pageCount > 1 ? `${count} · page ${page} of ${pageCount}` : count}</p>
      <ThreadList threads={view.threads} />
      <Pagination page={page} pageCount={pageCount} path={path} />
    </Layout>
  );
}
