/**
 * Whether an export fits the static hosts owners publish to: each host's documented limits on
 * one site, and the line the post-export step prints about them (a warning, never a failure).
 */
import type { FolderUsage } from './files';

interface Host {
  name: string;
  /** Files in the site. */
  maxFiles?: number;
  /** File entries, folders included (GitLab counts "file entries (including directories and symlinks)"). */
  maxEntries?: number;
  /** Bytes of all files; "1 GB" read as 1,000,000,000 bytes, the stricter reading (1 GiB is 1,073,741,824). */
  maxBytes?: number;
}

/** As documented in 2026: GitHub Pages limits, Cloudflare Pages limits (Files), GitLab.com Pages settings. */
const HOSTS: readonly Host[] = [
  { name: 'GitHub Pages', maxBytes: 1_000_000_000 },
  { name: 'Cloudflare Pages free', maxFiles: 20_000 },
  { name: 'Cloudflare Pages paid', maxFiles: 100_000 },
  { name: 'GitLab Pages', maxEntries: 200_000, maxBytes: 1_000_000_000 },
];

const count = (n: number): string => n.toLocaleString('en-US');

/** The limits of `host` that `usage` goes over, e.g. ["over 20,000 files"]. */
function exceeded(host: Host, usage: FolderUsage): string[] {
  const over: string[] = [];
  if (host.maxFiles !== undefined && usage.files > host.maxFiles) over.push(`over ${count(host.maxFiles)} files`);
  if (host.maxEntries !== undefined && usage.files + usage.folders > host.maxEntries)
    over.push(`over ${count(host.maxEntries)} files and folders`);
  if (host.maxBytes !== undefined && usage.bytes > host.maxBytes) over.push(`over ${count(host.maxBytes / 1e9)} GB`);
  return over;
}

/**
 * What an export holds and which hosts take it, e.g. `22,518 files in 10,003 folders, 331,200,000
 * bytes (331.2 MB): fits GitHub Pages, Cloudflare Pages paid, GitLab Pages; too big for Cloudflare
 * Pages free (over 20,000 files)`; `fitsAll` when no limit is exceeded.
 */
export function hostFit(usage: FolderUsage): { text: string; fitsAll: boolean } {
  const fits: string[] = [];
  const tooBig: string[] = [];
  for (const host of HOSTS) {
    const over = exceeded(host, usage);
    if (over.length === 0) fits.push(host.name);
    else tooBig.push(`${host.name} (${over.join(', ')})`);
  }
  const mb = (usage.bytes / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const held = `${count(usage.files)} files in ${count(usage.folders)} folders, ${count(usage.bytes)} bytes (${mb} MB)`;
  const verdict = [
    fits.length > 0 ? `fits ${fits.join(', ')}` : 'fits none of the hosts checked',
    ...(tooBig.length > 0 ? [`too big for ${tooBig.join(', ')}`] : []),
  ];
  return { text: `${held}: ${verdict.join('; ')}`, fitsAll: tooBig.length === 0 };
}
