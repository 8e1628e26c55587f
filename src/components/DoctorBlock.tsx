import Link from 'next/link';
import { specialtyAndLocation } from '../content/doctors';
import type { Doctor } from '../content/schema';
import { doctorPath } from '../site';
import { RatingStars } from './RatingStars';

type Props = {
  doctor: Doctor | undefined;
  /** The doctor's page, from `doctorSlug`; null shows the name without a link. */
  slug: string | null;
};

/** Who wrote an answer: name (linked to the doctor's page) with credentials, specialty, location and rating; or that nobody is named. */
export function DoctorBlock({ doctor, slug }: Props) {
  if (!doctor) {
    return (
      <footer className="doctor doctor-anonymous">
        <p>Anonymous answer: the source names no doctor.</p>
      </footer>
    );
  }
  return (
    <footer className="doctor">
      <p className="doctor-name" dir="auto" itemProp="author" itemScope itemType="https://schema.org/Person">
        <span itemProp="name">{slug === null ? doctor.name : <Link href={doctorPath(slug)}>{doctor.name}</Link>}</span>
        {', '}
        <span itemProp="honorificSuffix">{doctor.credentials.join(', ')}</span>
      </p>
      <p className="doctor-meta" dir="auto">
        {specialtyAndLocation(doctor)}
      </p>
      {doctor.rating ? <RatingStars rating={doctor.rating} /> : null}
    </footer>
  );
}
