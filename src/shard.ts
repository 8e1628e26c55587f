/**
 * Building an archive in shards (docs/deploy.md, "Building in shards"): which shard builds which
 * page. `npm run build -- --shard <i>/<n>` hands the shard to Next and the post-export step
 * (settings.ts, BUILD_SHARD); `npm run merge` joins the shards' folders into one site.
 */
import { createHash } from 'node:crypto';

/** The stamp a shard's build leaves in its folder for `npm run merge` (src/export/shards.ts); never copied into the merged site. */
export const SHARD_STAMP = 'qa-shard.json';

/** Shard `index` (from 1) of `count`. */
export type Shard = { index: number; count: number };

/** More shards than this would leave each with a handful of pages and repeat the whole archive's check in every one. */
export const MAX_SHARDS = 256;

/** Reads `<i>/<n>` (as given to --shard): the shard, or a one-line message saying what is wrong. */
export function parseShard(value: string): Shard | string {
  const match = /^([1-9][0-9]*)\/([1-9][0-9]*)$/u.exec(value);
  if (!match)
    return `--shard ${JSON.stringify(value)}: write the shard as <i>/<n>, such as --shard 1/4 for the first of four`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count > MAX_SHARDS) return `--shard ${value}: at most ${MAX_SHARDS} shards`;
  if (index > count) return `--shard ${value}: there is no shard ${index} of ${count}; <i> runs from 1 to ${count}`;
  return { index, count };
}

/**
 * The shard (1 to `count`) that builds the page with this key (a thread's slug; the parameters of
 * any other page joined by `/`): the first four bytes of its SHA-256, so the same on every machine,
 * run and Node version, and spread evenly whatever the slugs look like.
 */
export function shardOf(key: string, count: number): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % count) + 1;
}

/**
 * 32 more bits of the key's SHA-256 (its bytes 4 to 7), independent of its shard: a search bundle
 * holds the threads whose bits start alike (src/export/search-index.ts, `searchLayout`).
 */
export function keyBits(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(4);
}

/** Whether the page with this key is built here: always in a whole build. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.count === 1 || shardOf(key, shard.count) === shard.index;
}
