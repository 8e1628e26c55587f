import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import Link from 'next/link';
import { DoctorAnswers } from '../../components/DoctorAnswers';
import { Layout } from '../../components/Layout';
import { RatingStars } from '../../components/RatingStars';
import { specialtyAndLocation } from '../../content/doctors';
import { doctorSlugs, doctorView } from '../../content/views';
import { doctorPath, threadPath } from '../../site';
import type { DoctorView } from '../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: doctorSlugs().map((slug) => ({ params: { slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<DoctorView, { slug: string }> = ({ params }) => ({
  props: doctorView(params?.slug ?? ''),
});

export default function DoctorPage({ profile, description }: DoctorView) {
  const count = profile.answers.length;
  return (
    <Layout title={profile.name} description={description} path={doctorPath(profile.slug)} ogType="profile">
      <article className="doctor-page">
        <h1 dir="auto">{`${profile.name}, ${profile.credentials.join(', ')}`}</h1>
        <section className="card doctor-profile" aria-label="Profile">
          <p className="doctor-meta" dir="auto">{specialtyAndLocation(profile)}</p>
          {profile.rating && profile.ratingFrom ? (
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
          <h2 id="doctor-answers-heading">{`Answers in this archive (${count})`}</h2>
          <DoctorAnswers answers={profile.answers} />
        </section>
      </article>
    </Layout>
  );
}
