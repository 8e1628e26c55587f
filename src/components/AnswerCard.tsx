import type { ShownThread } from '../views/thread';
import { DoctorBlock } from './DoctorBlock';
import { Markdown } from './Markdown';

type Props = {
  answer: ShownThread['answers'][number];
  /** Position in the thread, from 1. */
  number: number;
  total: number;
  html: string;
  /** The doctor's page slug; null for an anonymous answer. */
  doctorSlug: string | null;
};

/** One answer as a card with a permalink `#answer-N`; a schema.org `Answer` (microdata) whose url is the permalink. */
export function AnswerCard({ answer, number, total, html, doctorSlug }: Props) {
  const id = `answer-${number}`;
  return (
    <article id={id} className="card answer" itemProp="suggestedAnswer" itemScope itemType="https://schema.org/Answer">
      <header className="answer-header">
        <h3 dir="auto">{answer.headline}</h3>
        <a className="permalink" href={`#${id}`} itemProp="url" data-pagefind-ignore="">
          {`Answer ${number} of ${total}`}
        </a>
      </header>
      {answer.votes !== undefined ? (
        <p className="votes">
          <span itemProp="upvoteCount">{answer.votes}</span>
          {answer.votes === 1 ? ' vote' : ' votes'}
        </p>
      ) : null}
      <Markdown html={html} itemProp="text" />
      <DoctorBlock doctor={answer.doctor} slug={doctorSlug} />
    </article>
  );
}
