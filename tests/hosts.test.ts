/** Which static hosts take an export: the limits of each, at and just past them, and how a folder is measured. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderUsage } from '../src/export/files';
import { hostFit } from '../src/export/hosts';

const GB = 1_000_000_000;
const verdict = (files: number, bytes: number, folders = 0) =>
  hostFit({ files, folders, bytes }).text.replace(/^[^:]*: /u, '');

describe('the host line', () => {
  it('says what the folder holds and that a small site fits every host', () => {
    expect(hostFit({ files: 22_518, folders: 10_003, bytes: 331_234_567 })).toEqual({
      text: '22,518 files in 10,003 folders, 331,234,567 bytes (331.2 MB): fits GitHub Pages, Cloudflare Pages paid, GitLab Pages; too big for Cloudflare Pages free (over 20,000 files)',
      fitsAll: false,
    });
    expect(hostFit({ files: 12, folders: 4, bytes: 49_999 })).toEqual({
      text: '12 files in 4 folders, 49,999 bytes (0.0 MB): fits GitHub Pages, Cloudflare Pages free, Cloudflare Pages paid, GitLab Pages',
      fitsAll: true,
    });
  });

  it('takes 1 GB as 1,000,000,000 bytes for GitHub Pages and GitLab Pages', () => {
    expect(verdict(10, GB)).toBe('fits GitHub Pages, Cloudflare Pages free, Cloudflare Pages paid, GitLab Pages');
    expect(verdict(10, GB + 1)).toBe(
      'fits Cloudflare Pages free, Cloudflare Pages paid; too big for GitHub Pages (over 1 GB), GitLab Pages (over 1 GB)',
    );
  });

  it('allows 20,000 files on Cloudflare Pages free and 100,000 on its paid plans', () => {
    expect(verdict(20_000, 0)).toBe('fits GitHub Pages, Cloudflare Pages free, Cloudflare Pages paid, GitLab Pages');
    expect(verdict(20_001, 0)).toBe(
      'fits GitHub Pages, Cloudflare Pages paid, GitLab Pages; too big for Cloudflare Pages free (over 20,000 files)',
    );
    expect(verdict(100_000, 0)).toBe(
      'fits GitHub Pages, Cloudflare Pages paid, GitLab Pages; too big for Cloudflare Pages free (over 20,000 files)',
    );
    expect(verdict(100_001, 0)).toBe(
      'fits GitHub Pages, GitLab Pages; too big for Cloudflare Pages free (over 20,000 files), Cloudflare Pages paid (over 100,000 files)',
    );
  });

  it('counts folders with files against the 200,000 entries of GitLab Pages', () => {
    expect(verdict(100_000, 0, 100_000)).toBe(
      'fits GitHub Pages, Cloudflare Pages paid, GitLab Pages; too big for Cloudflare Pages free (over 20,000 files)',
    );
    expect(verdict(100_000, 0, 100_001)).toBe(
      'fits GitHub Pages, Cloudflare Pages paid; too big for Cloudflare Pages free (over 20,000 files), GitLab Pages (over 200,000 files and folders)',
    );
    expect(verdict(200_001, 0)).toBe(
      'fits GitHub Pages; too big for Cloudflare Pages free (over 20,000 files), Cloudflare Pages paid (over 100,000 files), GitLab Pages (over 200,000 files and folders)',
    );
  });

  it('names every limit a host is over, and says when no host fits', () => {
    expect(hostFit({ files: 150_000, folders: 60_000, bytes: 2_345_678_901 })).toEqual({
      text:
        '150,000 files in 60,000 folders, 2,345,678,901 bytes (2,345.7 MB): fits none of the hosts checked; too big for GitHub Pages (over 1 GB), ' +
        'Cloudflare Pages free (over 20,000 files), Cloudflare Pages paid (over 100,000 files), GitLab Pages (over 200,000 files and folders, over 1 GB)',
      fitsAll: false,
    });
  });
});

describe('measuring a folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every file (hidden ones too), every folder below it holding one, and their bytes', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qa-hosts-'));
    const files = {
      'index.html': 'abc',
      '.nojekyll': '',
      'threads/a/index.html': 'ab',
      'threads/b/index.html': 'é',
      'pagefind/fragment/x.pf': '12345',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    expect(folderUsage(dir)).toEqual({ files: 5, folders: 5, bytes: 3 + 0 + 2 + 2 + 5 });
  });
});
