import type { Doctor } from '../content/schema';
import { RatingStars } from './RatingStars';

type Props = { doctor: Doctor | undefined };

/** Who wrote an answer: name with credentials, specialty, location and rating; or that nobody is named. */
export function DoctorBlock({ doctor }: Props) {
  if (!doctor) {
    return (
      <footer className="doctor doctor-anonymous">
        <p>Anonymous answer: the source names no doctor.</p>
      </footer>
    );
  }
  return (
    <footer className="doctor">
      <p className="doctor-name" dir="auto">
        {`${doctor.name}, ${doctor.credentials.join(', ')}`}
      </p>
      <p className="doctor-meta" dir="auto">
        {doctor.specialty ? `${doctor.specialty} · ${doctor.location}` : doctor.location}
      </p>
      {doctor.rating ? <RatingStars rating={doctor.rating} /> : null}
    </footer>
  );
}
