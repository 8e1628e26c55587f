import Link from 'next/link';
import type { DoctorPageView } from '../views/doctor';
import { directoryPath, doctorPath, threadPath } from '../site';
import { Breadcrumbs } from './Breadcrumbs';
import { DoctorMeta } from './DoctorMeta';
import { DoctorAnswers } from './DoctorAnswers';
import { Layout } from './Layout';
import { Pagination } from './Pagination';
import { RatingStars } from './RatingStars';

type Props = { view: DoctorPageView };

/** "answers 51–100 of 230", or "answer 231 of 231" for a page holding one. */
function answerRange(first: number, last: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return first === last ? `answer ${n(first)} of ${n(total)}` : `answers ${n(first)}–${n(last)} of ${n(total)}`;
}

/**
 * One page of a doctor's answers, 50 a page. The first page shows the profile and rating; later
 * pages name the doctor in their h1 and link back to it. Every page shows the total.
 */
export function DoctorPage({ view }: Props) {
  const { profile, answers, first, page, pageCount, answerCount } = view;
  const name = `${profile.name}, ${profile.credentials.join(', ')}`;
  const shown = answerRange(first, first + answers.length - 1, answerCount);
  const path = (n: number) => doctorPath(profile.slug, n);
  return (
    <Layout
      title={page > 1 ? `${profile.name}, ${shown}` : profile.name}
      description={view.description}
      path={path(page)}
      ogType={page > 1 ? 'website' : 'profile'}
    >
      <Breadcrumbs
        trail={[
          { name: 'Doctors', path: directoryPath() },
          ...(page > 1 ? [{ name: profile.name, path: path(1) }] : []),
        ]}
      />
      <article className="doctor-page">
        <h1 dir="auto">{page > 1 ? `${name}: ${shown}` : name}</h1>
        <section className="card doctor-profile" aria-label="Profile">
          <DoctorMeta doctor={profile} />
          {page > 1 ? (
            <p dir="auto">
              <Link href={path(1)}>{`Profile and rating of ${profile.name}`}</Link>
            </p>
          ) : profile.rating && profile.ratingFrom ? (
            <>
              <RatingStars rating={profile.rating} />
              <p className="rating-source" dir="auto">
                As shown in the most recent thread with a rating:{' '}
                <Link href={threadPath(profile.ratingFrom.slug)}>{profile.ratingFrom.title}</Link>
              </p>
            </>
          ) : (
            <p className="rating-source">No thread in the archive shows a rating for this doctor.</p>
          )}
        </section>
        <section aria-labelledby="doctor-answers-heading">
          <h2 id="doctor-answers-heading">{`Answers in this archive (${answerCount.toLocaleString('en-US')})`}</h2>
          {pageCount > 1 ? <p className="archive-counts">{`Page ${page} of ${pageCount}: ${shown}`}</p> : null}
          <DoctorAnswers answers={answers} first={first} />
          <Pagination page={page} pageCount={pageCount} path={path} />
        </section>
      </article>
    </Layout>
  );
}
