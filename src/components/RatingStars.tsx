import type { Rating } from '../content/schema';

type Props = { rating: Rating };

/** "4.4 out of 5 stars · 28 reviews" as text, with decorative stars hidden from screen readers. */
export function RatingStars({ rating }: Props) {
  const halves = Math.round(rating.value * 2); // the stars show half-star steps; the text is exact
  const reviews = `${rating.reviews.toLocaleString('en-US')} ${rating.reviews === 1 ? 'review' : 'reviews'}`;
  return (
    <p className="rating">
      <span className="stars" aria-hidden="true">
        <span className={`stars-fill stars-${halves}`}>★★★★★</span>☆☆☆☆☆
      </span>
      {` ${rating.value.toFixed(1)} out of 5 stars · ${reviews}`}
    </p>
  );
}
