import Link from 'next/link';

/** One step of the trail: a page above this one (with its path), or this page (without). */
export type Crumb = { name: string; path?: string };

type Props = { trail: Crumb[] };

/**
 * Where a page sits: "Questions › Botox › <title>", as a schema.org BreadcrumbList in microdata
 * (each step's `item` is its link, absolute to a reader; the last step is this page, marked aria-current).
 */
export function Breadcrumbs({ trail }: Props) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol itemScope itemType="https://schema.org/BreadcrumbList">
        {trail.map((crumb, i) => (
          <li key={i} itemProp="itemListElement" itemScope itemType="https://schema.org/ListItem" dir="auto">
            {crumb.path === undefined ? (
              <span itemProp="name" aria-current="page">
                {crumb.name}
              </span>
            ) : (
              <Link href={crumb.path} itemProp="item">
                <span itemProp="name">{crumb.name}</span>
              </Link>
            )}
            <meta itemProp="position" content={String(i + 1)} />
          </li>
        ))}
      </ol>
    </nav>
  );
}
