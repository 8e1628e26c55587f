import Link from 'next/link';
import { groupPath } from '../site';
import type { TopicLink } from '../views/thread-list';

type Props = {
  topics: TopicLink[];
  /** On a thread page: each topic is a search filter (Pagefind) there. */
  filter?: boolean;
};

/** A thread's topics, each linked to its page; nothing when it has none. */
export function TopicLinks({ topics, filter = false }: Props) {
  if (topics.length === 0) return null;
  return (
    <ul className="topic-links" aria-label="Topics">
      {topics.map((t) => (
        <li key={t.slug} dir="auto">
          <Link href={groupPath('topic', t.slug)} data-pagefind-filter={filter ? 'topic' : undefined}>
            {t.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
