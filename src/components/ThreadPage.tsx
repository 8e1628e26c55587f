import { groupPath, threadPath } from '../site';
import type { ThreadView } from '../views/thread';
import { AnswerCard } from './AnswerCard';
import { Breadcrumbs } from './Breadcrumbs';
import { Layout } from './Layout';
import { QuestionCard } from './QuestionCard';
import { RelatedThreads } from './RelatedThreads';
import { TopicLinks } from './TopicLinks';

type Props = { view: ThreadView };

/** A thread: its question and answers as a schema.org QAPage, its topics, its source, the related threads. */
export function ThreadPage({ view }: Props) {
  const { thread, questionHtml, answersHtml, doctorSlugs, description, related, topics } = view;
  const total = thread.answers.length;
  return (
    <Layout title={thread.title} description={description} path={threadPath(thread.slug)} ogType="article">
      <Breadcrumbs
        trail={[
          { name: 'Questions', path: '/' },
          ...topics.slice(0, 1).map((t) => ({ name: t.name, path: groupPath('topic', t.slug) })),
        ]}
      />
      {/* Search indexes this article only: the question and its answers, not navigation. Its
          schema.org QAPage data is microdata on the visible text (docs/reader-features.md, "Structured data"). */}
      <article className="thread" data-pagefind-body="" itemScope itemType="https://schema.org/QAPage">
        <div itemProp="mainEntity" itemScope itemType="https://schema.org/Question">
          <h1 dir="auto" itemProp="name">
            {thread.title}
          </h1>
          <TopicLinks topics={topics} filter />
          <QuestionCard question={thread.question} html={questionHtml} />
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">
              {'Doctor answers ('}
              <span itemProp="answerCount">{total}</span>
              {')'}
            </h2>
            <ol className="answers">
              {thread.answers.map((answer, i) => (
                <li key={i}>
                  <AnswerCard
                    answer={answer}
                    number={i + 1}
                    total={total}
                    html={answersHtml[i] ?? ''}
                    doctorSlug={doctorSlugs[i] ?? null}
                  />
                </li>
              ))}
            </ol>
          </section>
        </div>
        <footer className="thread-footer" data-pagefind-ignore="all">
          {thread.disclaimer ? <p className="disclaimer">{thread.disclaimer}</p> : null}
          <p className="source">
            {thread.source.url ? (
              <>
                Source: <a href={thread.source.url}>{thread.source.site}</a>
              </>
            ) : (
              `Source: ${thread.source.site}`
            )}
          </p>
        </footer>
      </article>
      <RelatedThreads threads={related} />
    </Layout>
  );
}
