import Link from 'next/link';

/** One page above this one. */
export type Crumb = { name: string; path: string };

type Props = { trail: Crumb[] };

/**
 * The pages above this one ("Questions › Botox" over a thread), as a schema.org BreadcrumbList in
 * microdata (each step's `item` is its link, absolute to a reader). The page itself is not
 * repeated: its h1 follows.
 */
export function Breadcrumbs({ trail }: Props) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol itemScope itemType="https://schema.org/BreadcrumbList">
        {trail.map((crumb, i) => (
          <li key={crumb.path} itemProp="itemListElement" itemScope itemType="https://schema.org/ListItem" dir="auto">
            <Link href={crumb.path} itemProp="item">
              <span itemProp="name">{crumb.name}</span>
            </Link>
            <meta itemProp="position" content={String(i + 1)} />
          </li>
        ))}
      </ol>
    </nav>
  );
}
