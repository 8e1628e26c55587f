import Link from 'next/link';
import type { DoctorAnswer } from '../content/doctors';
import { threadPath } from '../site';

type Props = {
  answers: DoctorAnswer[];
  /** The position of the first of them among all of the doctor's answers, from 1. */
  first: number;
};

/** A page of a doctor's answers: the question's title, the answer's headline, a link to its permalink. */
export function DoctorAnswers({ answers, first }: Props) {
  return (
    <ol className="doctor-answers" start={first}>
      {answers.map((a) => (
        <li key={`${a.threadSlug}#${a.number}`} className="card">
          <h3 dir="auto">
            <Link href={`${threadPath(a.threadSlug)}#answer-${a.number}`}>{a.headline}</Link>
          </h3>
          <p className="thread-meta" dir="auto">
            {`Answer ${a.number} to “${a.threadTitle}”` + (a.date ? `, asked on ${a.date}` : '')}
          </p>
        </li>
      ))}
    </ol>
  );
}
