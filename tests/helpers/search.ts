/** What the search suites read of a search layout and of a built bundle. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { keyBits } from '../../src/shard';

/** The 32 bits of a slug's hash that place it in a search bundle (`keyBits`), as a string of 0 and 1. */
export const slugBits = (slug: string) => keyBits(slug).toString(2).padStart(32, '0');

/** The bits every one of these slugs starts with: the node of the split their bundle is. */
export const commonBits = (slugs: readonly string[]) =>
  slugs.map(slugBits).reduce((a, b) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n += 1;
    return a.slice(0, n);
  });

/** The URL of every page a built bundle (the folder `bundle`) holds, sorted: one fragment each. */
export function fragmentUrls(bundle: string): string[] {
  return readdirSync(path.join(bundle, 'fragment'))
    .map(
      (f) =>
        // A fragment is gzipped after Pagefind's 12-byte signature line.
        (
          JSON.parse(
            gunzipSync(readFileSync(path.join(bundle, 'fragment', f)))
              .toString('utf8')
              .slice(12),
          ) as {
            url: string;
          }
        ).url,
    )
    .sort();
}
