import Link from 'next/link';
import type { RelatedThread } from '../archive/related';
import { threadPath } from '../site';

type Props = { threads: RelatedThread[] };

/** Up to five threads on similar topics, at the foot of a thread; nothing when none is related. */
export function RelatedThreads({ threads }: Props) {
  if (threads.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related questions</h2>
      <ul>
        {threads.map((t) => (
          <li key={t.slug} dir="auto">
            <Link href={threadPath(t.slug)}>{t.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
