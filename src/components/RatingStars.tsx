import type { Rating } from '../content/schema';

type Props = { rating: Rating };

/** "4.4 out of 5 stars · 28 reviews" as text, after decorative stars (drawn by the stylesheet) hidden from screen readers. */
export function RatingStars({ rating }: Props) {
  const halves = Math.round(rating.value * 2); // the stars show half-star steps; the text is exact
  const reviews = `${rating.reviews.toLocaleString('en-US')} ${rating.reviews === 1 ? 'review' : 'reviews'}`;
  return (
    <p className="rating">
      <span className={`stars stars-${halves}`} aria-hidden="true" />
      {`${rating.value.toFixed(1)} out of 5 stars · ${reviews}`}
    </p>
  );
}
