import Link from 'next/link';
import type { ThreadSummary } from '../views/thread-list';
import { TopicLinks } from './TopicLinks';

type Props = { threads: ThreadSummary[] };

/** The index and topic pages: one entry per thread with its answer count, first words, specialties and topics. */
export function ThreadList({ threads }: Props) {
  if (threads.length === 0) return <p>No threads yet: add a file to the content folder.</p>;
  return (
    <ol className="thread-list">
      {threads.map((t) => (
        <li key={t.slug} className="card thread-summary">
          <h2 dir="auto">
            <Link href={`/threads/${t.slug}/`}>{t.title}</Link>
          </h2>
          <p className="excerpt" dir="auto">
            {t.excerpt}
          </p>
          <p className="thread-meta">
            {`${t.answerCount} ${t.answerCount === 1 ? 'answer' : 'answers'}` +
              (t.specialties.length > 0 ? ` · ${t.specialties.join(', ')}` : '')}
          </p>
          <TopicLinks topics={t.topics} />
        </li>
      ))}
    </ol>
  );
}
