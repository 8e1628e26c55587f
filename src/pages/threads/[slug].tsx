import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { AnswerCard } from '../../components/AnswerCard';
import { Layout } from '../../components/Layout';
import { QuestionCard } from '../../components/QuestionCard';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { RelatedThreads } from '../../components/RelatedThreads';
import { TopicLinks } from '../../components/TopicLinks';
import { staticPaths, staticProps, threadSlugs, threadView } from '../../content/views';
import { threadPath, topicPath } from '../../site';
import type { ThreadView } from '../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() => threadSlugs().map((slug) => ({ slug })));

export const getStaticProps: GetStaticProps<ThreadView, { slug: string }> = ({ params }) =>
  staticProps(() => threadView(params?.slug ?? ''));

export default function ThreadPage({ thread, questionHtml, answersHtml, doctorSlugs, description, related, topics }: ThreadView) {
  const total = thread.answers.length;
  return (
    <Layout title={thread.title} description={description} path={threadPath(thread.slug)} ogType="article">
      <Breadcrumbs trail={[{ name: 'Questions', path: '/' }, ...topics.slice(0, 1).map((t) => ({ name: t.name, path: topicPath(t.slug) }))]} />
      {/* Search indexes this article only: the question and its answers, not navigation. Its
          schema.org QAPage data is microdata on the visible text (README, "Structured data"). */}
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
                  <AnswerCard answer={answer} number={i + 1} total={total} html={answersHtml[i] ?? ''} doctorSlug={doctorSlugs[i] ?? null} />
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
