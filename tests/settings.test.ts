/**
 * Every environment variable (src/settings.ts): how each is read, each mistake's one line, and that
 * `npm run build` and `npm run dev` stop on a mistake before reading content or compiling.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../src/settings';
import type { SettingsReading } from '../src/settings';
import { ROOT } from './helpers/build';

/** The three site settings of a reading. */
const site = ({ settings: { siteUrl, basePath, siteName } }: SettingsReading) => ({ siteUrl, basePath, siteName });

describe('reading the settings', () => {
  it('defaults to a local preview of content/', () => {
    expect(readSettings({})).toEqual({
      settings: {
        siteUrl: 'http://localhost:3000',
        basePath: '',
        siteName: 'Q&A Thread Archive',
        contentDir: 'content',
        searchBundleThreads: 5_000,
        sitemapMaxUrls: 50_000,
        port: 3000,
        snapshot: undefined,
        shard: undefined,
        live: false,
        callerDir: undefined,
        buildCache: '.next/cache/qa-build',
        incremental: false,
        buildKey: undefined,
      },
      errors: [],
      warnings: [],
    });
  });

  it('reads the content folder, the bundle and sitemap sizes, the port, and what npm run build and next dev set', () => {
    const { settings, errors } = readSettings({
      CONTENT_DIR: 'archive',
      SEARCH_BUNDLE_THREADS: '50',
      SITEMAP_MAX_URLS: '400',
      PORT: '8080',
      BUILD_SHARD: '2/4',
      NODE_ENV: 'development',
      INIT_CWD: '/home/keeper',
      BUILD_INCREMENTAL: '1',
      BUILD_KEY: 'f00d',
    });
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      contentDir: 'archive',
      searchBundleThreads: 50,
      sitemapMaxUrls: 400,
      port: 8080,
      shard: { index: 2, count: 4 },
      live: true,
      callerDir: '/home/keeper',
      incremental: true,
      buildKey: 'f00d',
    });
    // The build's pages read its snapshot, never the folder live.
    expect(readSettings({ NODE_ENV: 'development', THREADS_SNAPSHOT: '.next/cache/snapshot' }).settings).toMatchObject({
      live: false,
      snapshot: '.next/cache/snapshot',
    });
  });

  it('takes the base path from a folder in SITE_URL, or from BASE_PATH when they agree', () => {
    const archive = { siteUrl: 'https://example.org', basePath: '/archive', siteName: 'Q&A Thread Archive' };
    expect(site(readSettings({ SITE_URL: 'https://example.org/archive' }))).toEqual(archive);
    expect(site(readSettings({ SITE_URL: 'https://example.org/archive/' }))).toEqual(archive);
    const agreeing = readSettings({ SITE_URL: 'https://example.org/archive', BASE_PATH: '/archive/' });
    expect({ ...site(agreeing), errors: agreeing.errors, warnings: agreeing.warnings }).toEqual({
      ...archive,
      errors: [],
      warnings: [],
    });
    // As GitHub's configure-pages gives them: the origin, and the folder apart.
    expect(site(readSettings({ SITE_URL: 'https://example.org', BASE_PATH: '/archive' }))).toEqual(archive);
    expect(readSettings({ SITE_URL: 'https://example.org/', BASE_PATH: '/' }).settings.basePath).toBe('');
    expect(readSettings({ SITE_URL: 'https://example.org/a/b' }).settings.basePath).toBe('/a/b');
    expect(readSettings({ SITE_NAME: '  Botox answers ' }).settings.siteName).toBe('Botox answers');
  });

  it.each([
    [
      'a SITE_URL without a scheme',
      { SITE_URL: 'example.org/archive' },
      'SITE_URL="example.org/archive": the address has no scheme; write SITE_URL="https://example.org/archive"',
    ],
    [
      'a SITE_URL that is not a web address',
      { SITE_URL: 'ftp://example.org' },
      'SITE_URL="ftp://example.org": not a web address; write the address readers use, such as SITE_URL=https://example.org',
    ],
    [
      'a SITE_URL with a query',
      { SITE_URL: 'https://example.org/archive?x=1' },
      'SITE_URL="https://example.org/archive?x=1": a "?" or "#" part has no place in the site\'s address; write SITE_URL="https://example.org/archive"',
    ],
    [
      'a SITE_URL with a password',
      { SITE_URL: 'https://me:secret@example.org' },
      'SITE_URL="https://me:secret@example.org": a user name or password would be published in every page; write SITE_URL="https://example.org"',
    ],
    [
      'a SITE_URL with a space',
      { SITE_URL: 'https://example.org/my archive' },
      'SITE_URL="https://example.org/my archive": the address holds a space; write the folder as it appears in the browser, such as SITE_URL=https://example.org/my-archive',
    ],
    [
      'a BASE_PATH without a leading slash',
      { BASE_PATH: 'archive' },
      'BASE_PATH="archive": a base path starts with "/"; write BASE_PATH="/archive"',
    ],
    [
      'a BASE_PATH with a space',
      { BASE_PATH: '/my archive' },
      'BASE_PATH="/my archive": a base path holds no spaces, "?", "#" or empty folders; write the folder as it appears in the browser, such as BASE_PATH=/archive',
    ],
    [
      'a BASE_PATH that disagrees with SITE_URL',
      { SITE_URL: 'https://example.org/archive', BASE_PATH: '/docs' },
      'BASE_PATH="/docs" and SITE_URL="https://example.org/archive" name different folders; unset BASE_PATH (SITE_URL\'s folder is the base path) or write BASE_PATH="/archive"',
    ],
    [
      'an empty SITE_NAME',
      { SITE_NAME: ' ' },
      'SITE_NAME=" ": the name is empty; unset SITE_NAME for "Q&A Thread Archive" or write the archive\'s name, such as SITE_NAME="Botox answers"',
    ],
    [
      'a SITE_NAME on two lines',
      { SITE_NAME: 'Botox\nanswers' },
      'SITE_NAME="Botox\\nanswers": the name holds a line break or another control character; write it on one line',
    ],
    [
      'a SITE_NAME too long for a title',
      { SITE_NAME: 'x'.repeat(81) },
      "SITE_NAME is 81 characters long, over 80; write a shorter name (it is in every page's title)",
    ],
    [
      'an empty CONTENT_DIR',
      { CONTENT_DIR: '' },
      'CONTENT_DIR="": no folder named; unset CONTENT_DIR for content/ or write the folder that holds the .md files',
    ],
    [
      'a SEARCH_BUNDLE_THREADS of 0',
      { SEARCH_BUNDLE_THREADS: '0' },
      'SEARCH_BUNDLE_THREADS="0": not a whole number from 1; unset it for 5000, or write fewer threads a search bundle, such as SEARCH_BUNDLE_THREADS=1000',
    ],
    [
      "a SITEMAP_MAX_URLS over the protocol's limit",
      { SITEMAP_MAX_URLS: '60000' },
      'SITEMAP_MAX_URLS="60000": not a whole number from 1 to 50000; unset it for 50000, or write fewer URLs a sitemap, such as SITEMAP_MAX_URLS=10000',
    ],
    [
      'a PORT that is no port',
      { PORT: '3000a' },
      'PORT="3000a": not a port number; write a number from 1 to 65535, such as PORT=3000',
    ],
    [
      'a BUILD_SHARD past the count',
      { BUILD_SHARD: '5/4' },
      'BUILD_SHARD: --shard 5/4: there is no shard 5 of 4; <i> runs from 1 to 4',
    ],
  ])('refuses %s in one line naming the variable, the value and the fix', (_, env, line) => {
    const { errors, warnings } = readSettings(env);
    expect(errors).toEqual([line]);
    expect(warnings).toEqual([]);
  });

  it('warns, without refusing, of plain http for a host other than this machine', () => {
    const reading = readSettings({ SITE_URL: 'http://example.org/archive' });
    expect({ settings: site(reading), errors: reading.errors, warnings: reading.warnings }).toEqual({
      settings: { siteUrl: 'http://example.org', basePath: '/archive', siteName: 'Q&A Thread Archive' },
      errors: [],
      warnings: [
        'SITE_URL="http://example.org/archive": plain http; canonical links and the sitemap will send readers and search engines to an insecure address; write SITE_URL="https://example.org/archive" unless the host has no HTTPS',
      ],
    });
    for (const local of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000'])
      expect(readSettings({ SITE_URL: local }).warnings).toEqual([]);
  });

  it('lists every mistake at once', () => {
    expect(readSettings({ SITE_URL: 'example.org', BASE_PATH: 'x', SITE_NAME: '', PORT: '0' }).errors).toHaveLength(4);
  });
});

/** Runs an npm script with the given settings (and no others from this environment). */
function run(script: string, env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const key of [
    'SITE_URL',
    'BASE_PATH',
    'SITE_NAME',
    'CONTENT_DIR',
    'PORT',
    'SEARCH_BUNDLE_THREADS',
    'SITEMAP_MAX_URLS',
  ])
    delete base[key];
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('settings checked first', () => {
  it('stops npm run build on a mistake with its line alone: no content read, nothing compiled, no stack trace', () => {
    const result = run('build', { SITE_URL: 'example.org/archive', CONTENT_DIR: 'no-such-folder' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'SITE_URL="example.org/archive": the address has no scheme; write SITE_URL="https://example.org/archive"\n',
    );
  });

  it('stops npm run dev the same way, before the server starts', () => {
    const result = run('dev', { BASE_PATH: 'archive' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('BASE_PATH="archive": a base path starts with "/"; write BASE_PATH="/archive"\n');
  });

  it('lets the build go on after a warning, which it prints', () => {
    // The content folder is missing, so the check (the next step) stops the build right after the settings.
    const result = run('build', { SITE_URL: 'http://example.org', CONTENT_DIR: 'no-such-folder' });
    expect(result.stderr).toContain('SITE_URL="http://example.org": plain http;');
    expect(result.stdout).toContain('no-such-folder: no such folder; give the folder that holds the .md files');
    expect(result.status).toBe(1);
  });
});
