/** The server of `npm start` (src/cli/serve.ts): a taken port, and the base path. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build';

let child: ChildProcess | undefined;
let blocker: Server | undefined;
let site = '';

afterEach(() => {
  child?.kill();
  blocker?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** A tiny exported site: an index page, a thread page and a 404 page. */
function writeSite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qa-serve-'));
  mkdirSync(path.join(dir, 'threads', 'a'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<h1>Index</h1>');
  writeFileSync(path.join(dir, 'threads', 'a', 'index.html'), '<h1>Thread A</h1>');
  writeFileSync(path.join(dir, '404.html'), '<h1>Not here</h1>');
  return dir;
}

/** Starts the server on `dir` and resolves with the first line it prints. */
function start(dir: string, env: Record<string, string>): Promise<string> {
  const base = { ...process.env };
  for (const key of ['SITE_URL', 'BASE_PATH', 'SITE_NAME', 'PORT']) delete base[key];
  child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/serve.ts', dir], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child?.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

/** Holds a port on 127.0.0.1, as another server would; resolves with its number. */
function holdPort(): Promise<number> {
  return new Promise((resolve) => {
    blocker = createServer();
    blocker.listen(0, '127.0.0.1', () => {
      const address = blocker?.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('npm start: serving out/', () => {
  it('says where it serves when the port is taken, and serves there', async () => {
    site = writeSite();
    const taken = await holdPort();
    const line = await start(site, { PORT: String(taken) });
    const match =
      /^Port (\d+) is taken; serving (.+)\/ at (http:\/\/127\.0\.0\.1:(\d+)\/) instead \(Ctrl\+C to stop\)$/u.exec(
        line,
      );
    expect(match, line).not.toBeNull();
    expect(Number(match?.[1])).toBe(taken);
    expect(match?.[2]).toBe(site);
    expect(Number(match?.[4])).not.toBe(taken);
    const response = await fetch(`${match?.[3]}threads/a/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>Thread A</h1>');
  });

  it('serves below the base path that SITE_URL names, and sends / there', async () => {
    site = writeSite();
    const taken = await holdPort();
    const line = await start(site, { PORT: String(taken), SITE_URL: 'https://example.org/archive' });
    const origin = /http:\/\/127\.0\.0\.1:\d+/u.exec(line)?.[0] ?? '';
    expect(line).toContain(`at ${origin}/archive/ instead`);
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/archive/');
    expect(await (await fetch(`${origin}/archive/threads/a/`)).text()).toBe('<h1>Thread A</h1>');
    const outside = await fetch(`${origin}/threads/a/`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toBe('<h1>Not here</h1>');
  });

  it('refuses a PORT that is not a port number', async () => {
    site = writeSite();
    await expect(start(site, { PORT: '80a' })).rejects.toThrow('serve exited with 1');
  });
});
