import Link from 'next/link';
import { getAllThreads } from '../lib/api';

export default function Index() {
  const threads = getAllThreads();
  return (
    <>
      <h1>Questions and answers</h1>
      <ul className="thread-list">
        {threads.map((t) => (
          <li key={t.slug}>
            <Link href={`/threads/${t.slug}`}>{t.title}</Link>
            <p>{t.content.split(/\s+/).slice(0, 30).join(' ')}</p>
            <small>{t.answers.length} answers</small>
          </li>
        ))}
      </ul>
    </>
  );
}
