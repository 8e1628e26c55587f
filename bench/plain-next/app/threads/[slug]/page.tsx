import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAllThreads, getThreadBySlug } from '../../../lib/api';
import markdownToHtml from '../../../lib/markdownToHtml';

type Params = { params: Promise<{ slug: string }> };

export default async function ThreadPage(props: Params) {
  const params = await props.params;
  const thread = getThreadBySlug(params.slug);
  if (!thread) return notFound();
  const question = await markdownToHtml(thread.content || '');
  const answers = await Promise.all(thread.answers.map((a) => markdownToHtml(a.body)));
  return (
    <article>
      <h1>{thread.title}</h1>
      <section className="card">
        {thread.question?.date ? <p>Asked on {thread.question.date}</p> : null}
        <div dangerouslySetInnerHTML={{ __html: question }} />
      </section>
      <h2>Doctor answers ({thread.answers.length})</h2>
      <ol>
        {thread.answers.map((a, i) => (
          <li key={i} className="card">
            <h3>{a.headline}</h3>
            <div dangerouslySetInnerHTML={{ __html: answers[i] ?? '' }} />
            {a.doctor ? (
              <p className="doctor">
                {a.doctor.name}, {a.doctor.credentials.join(', ')} · {a.doctor.specialty} · {a.doctor.location}
                {a.doctor.rating
                  ? ` · ${a.doctor.rating.value.toFixed(1)} out of 5 stars · ${a.doctor.rating.reviews} reviews`
                  : null}
              </p>
            ) : (
              <p className="doctor">Anonymous answer</p>
            )}
          </li>
        ))}
      </ol>
      {thread.disclaimer ? <p>{thread.disclaimer}</p> : null}
      <p>Source: {thread.source.url ? <a href={thread.source.url}>{thread.source.site}</a> : thread.source.site}</p>
    </article>
  );
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const params = await props.params;
  const thread = getThreadBySlug(params.slug);
  if (!thread) return notFound();
  return { title: `${thread.title} | Q&A Thread Archive` };
}

export async function generateStaticParams() {
  return getAllThreads().map((t) => ({ slug: t.slug }));
}
