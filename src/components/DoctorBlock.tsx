import Link from 'next/link';
import type { Doctor } from '../content/schema';
import { doctorPath } from '../site';
import { DoctorMeta } from './DoctorMeta';
import { RatingStars } from './RatingStars';

type Props = {
  doctor: Doctor | undefined;
  /** The doctor's page, from `doctorSlug`; null shows the name without a link. */
  slug: string | null;
};

/**
 * Who wrote an answer: name (linked to the doctor's page) with credentials, specialty and location
 * (linked to their directory pages), rating; or that nobody is named. A `div`, not a `footer`:
 * Pagefind leaves footers out of the search index, and readers search for doctors by name.
 */
export function DoctorBlock({ doctor, slug }: Props) {
  if (!doctor) {
    return (
      <div className="doctor doctor-anonymous" data-pagefind-ignore="">
        <p>Anonymous answer: the source names no doctor.</p>
      </div>
    );
  }
  return (
    <div className="doctor">
      <p className="doctor-name" dir="auto" itemProp="author" itemScope itemType="https://schema.org/Person">
        <span itemProp="name">{slug === null ? doctor.name : <Link href={doctorPath(slug)}>{doctor.name}</Link>}</span>
        {', '}
        <span itemProp="honorificSuffix">{doctor.credentials.join(', ')}</span>
      </p>
      <DoctorMeta doctor={doctor} filter />
      {doctor.rating ? <RatingStars rating={doctor.rating} /> : null}
    </div>
  );
}
