import Link from 'next/link';
import { letterId, letterOf } from '../archive/directory';
import type { DirectoryEntry } from '../archive/directory';
import { doctorPath } from '../site';
import { DoctorMeta } from './DoctorMeta';
import { RatingStars } from './RatingStars';

type Props = {
  entries: DirectoryEntry[];
  /** The whole directory: a heading for each letter, the target of the letter links. */
  byLetter: boolean;
};

function Entries({ entries }: { entries: DirectoryEntry[] }) {
  return (
    <ul className="doctor-list">
      {entries.map((d) => (
        <li key={d.slug}>
          <p className="doctor-name" dir="auto">
            <Link href={doctorPath(d.slug)}>{d.name}</Link>
            {`, ${d.credentials.join(', ')}`}
          </p>
          <DoctorMeta doctor={d} />
          {d.rating ? <RatingStars rating={d.rating} /> : null}
          <p className="thread-meta">{`${d.answerCount.toLocaleString('en-US')} ${d.answerCount === 1 ? 'answer' : 'answers'}`}</p>
        </li>
      ))}
    </ul>
  );
}

/** Doctors with credentials, specialty, place, rating and number of answers; in the directory, under letter headings. */
export function DoctorList({ entries, byLetter }: Props) {
  if (!byLetter) return <Entries entries={entries} />;
  const runs: { letter: string; entries: DirectoryEntry[] }[] = [];
  for (const entry of entries) {
    const letter = letterOf(entry.name);
    const last = runs.at(-1);
    if (last?.letter === letter) last.entries.push(entry);
    else runs.push({ letter, entries: [entry] });
  }
  return (
    <>
      {runs.map((run) => (
        <section key={run.letter} aria-labelledby={letterId(run.letter)}>
          <h2 id={letterId(run.letter)}>{run.letter}</h2>
          <Entries entries={run.entries} />
        </section>
      ))}
    </>
  );
}
