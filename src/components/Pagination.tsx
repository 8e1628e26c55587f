import Link from 'next/link';

type Props = {
  /** The current page, from 1. */
  page: number;
  pageCount: number;
  /** The path of page `n`, without the base path (Next's Link adds it): `indexPath`, or a doctor's pages. */
  path: (n: number) => string;
};

/** Pages shown on each side of the current one; first and last are always shown. */
const WINDOW = 2;

/** Links between the pages of a listing: previous, numbers (current marked for screen readers), next. None for one page. */
export function Pagination({ page, pageCount, path }: Props) {
  if (pageCount <= 1) return null;
  const numbers = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pageCount || Math.abs(n - page) <= WINDOW,
  );
  return (
    <nav className="pagination" aria-label="Pages">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={path(page - 1)} rel="prev">
              Previous page
            </Link>
          </li>
        ) : null}
        {numbers.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (numbers[i - 1] ?? n) > 1 ? <span aria-hidden="true">… </span> : null}
            {n === page ? (
              <span aria-current="page" className="current">{`Page ${n}`}</span>
            ) : (
              <Link href={path(n)} aria-label={`Page ${n}`}>
                {String(n)}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={path(page + 1)} rel="next">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
