import type { IndexPageView } from '../views/index-page';
import { indexPath } from '../site';
import { Layout } from './Layout';
import { Pagination } from './Pagination';
import { ThreadList } from './ThreadList';

type Props = { view: IndexPageView };

/** One page of the index: heading, archive counts, up to 50 threads, links between pages. */
export function IndexPage({ view }: Props) {
  const { page, pageCount, threadCount, answerCount } = view;
  const counts = `${threadCount.toLocaleString('en-US')} ${threadCount === 1 ? 'question' : 'questions'}, ${answerCount.toLocaleString('en-US')} ${answerCount === 1 ? 'answer' : 'answers'}`;
  return (
    <Layout
      {...(page > 1 ? { title: `Questions and answers, page ${page} of ${pageCount}` } : {})}
      description="Questions and the doctors' answers, archived as published."
      path={indexPath(page)}
    >
      <h1>{page > 1 ? `Questions and answers, page ${page} of ${pageCount}` : 'Questions and answers'}</h1>
      <p className="archive-counts">{pageCount > 1 ? `${counts} · page ${page} of ${pageCount}` : counts}</p>
      <ThreadList threads={view.threads} />
      <Pagination page={page} pageCount={pageCount} path={indexPath} />
    </Layout>
  );
}
