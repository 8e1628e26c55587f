import Link from 'next/link';
import { groupSlug } from '../content/slugs';
import { groupPath } from '../site';

type Props = {
  doctor: { specialty?: string | null | undefined; location: string };
  /** On a thread page: the specialty is a search filter (Pagefind) there. */
  filter?: boolean;
};

/** "Facial Plastic Surgeon · Beverly Hills", each linked to its page of doctors; the location alone when the specialty is unknown. */
export function DoctorMeta({ doctor, filter = false }: Props) {
  return (
    <p className="doctor-meta" dir="auto">
      {doctor.specialty ? (
        <>
          <Link
            href={groupPath('specialty', groupSlug(doctor.specialty))}
            data-pagefind-filter={filter ? 'specialty' : undefined}
          >
            {doctor.specialty}
          </Link>
          {' · '}
        </>
      ) : null}
      <Link href={groupPath('location', groupSlug(doctor.location))}>{doctor.location}</Link>
    </p>
  );
}
