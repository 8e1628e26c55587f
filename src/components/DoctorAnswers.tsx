import Link from 'next/link';
import { sortKey } from '../archive/directory';
import type { DoctorAnswer } from '../archive/doctors';
import { threadPath } from '../site';

type Props = {
  answers: DoctorAnswer[];
  /** The position of the first of them among all of the doctor's answers, from 1. */
  first: number;
};

/**
 * A page of a doctor's answers: under the question it answers (linked to the thread), each answer
 * by its own headline, linked to its permalink. A headline that only repeats the question's title
 * reads "Answer N" instead, so the entry does not say the same thing twice.
 */
export function DoctorAnswers({ answers, first }: Props) {
  return (
    <ol className="doctor-answers" start={first}>
      {answers.map((a) => (
        <li key={`${a.threadSlug}#${a.number}`} className="card">
          <h3 dir="auto">
            <Link href={threadPath(a.threadSlug)}>{a.threadTitle}</Link>
          </h3>
          <p className="answer-headline" dir="auto">
            <Link href={`${threadPath(a.threadSlug)}#answer-${a.number}`}>
              {sortKey(a.headline) === sortKey(a.threadTitle) ? `Answer ${a.number}` : a.headline}
            </Link>
          </p>
          {a.date ? <p className="thread-meta">{`Asked on ${a.date}`}</p> : null}
        </li>
      ))}
    </ol>
  );
}
