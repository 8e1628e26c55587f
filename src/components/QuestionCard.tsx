import type { ShownThread } from '../views/thread';
import { Markdown } from './Markdown';

type Props = {
  question: ShownThread['question'];
  html: string;
};

/** The question: its text, the date when known, and a note when its photo is not archived. */
export function QuestionCard({ question, html }: Props) {
  return (
    <section className="card question" aria-label="Question">
      {question.date ? (
        <p className="question-date">
          {'Asked on '}
          <time dateTime={question.date} itemProp="dateCreated">
            {question.date}
          </time>
        </p>
      ) : null}
      <Markdown html={html} itemProp="text" />
      {question.photo ? (
        <p className="photo-note">The original question included a photo, which is not kept in this archive.</p>
      ) : null}
    </section>
  );
}
