/** Serves an exported site on loopback the way a static host does, for the browser suite and `npm run audit`. */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** A running server: its origin (`http://127.0.0.1:PORT`), its port and how to stop it. */
export type StaticServer = { origin: string; port: number; close: () => Promise<void> };

/** The file a URL path names under `root`: a folder means its index.html; undefined when missing or outside root. */
function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.join(root, path.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    const stat = statSync(file);
    if (stat.isFile()) return file;
    if (stat.isDirectory() && statSync(path.join(file, 'index.html')).isFile()) return path.join(file, 'index.html');
  } catch {
    return undefined;
  }
  return undefined;
}

/** Listens on 127.0.0.1 at the first free port from `ports`; rejects when none is free. */
async function listen(server: Server, ports: number[]): Promise<number> {
  for (const port of ports) {
    const ok = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve(true);
      });
    });
    if (ok) return port;
  }
  throw new Error(`no free port on 127.0.0.1 in ${ports[0]}-${ports.at(-1)}`);
}

/**
 * Serves `root` (an export such as out/) on 127.0.0.1 at the first free port in [first, last],
 * below `basePath` (`/archive`) if given, where `/` sends the reader: folders answer with their
 * index.html, anything missing with 404.html and status 404.
 */
export async function serveStatic(root: string, first = 4500, last = 4599, basePath = ''): Promise<StaticServer> {
  const dir = path.resolve(root);
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (basePath !== '' && (urlPath === '/' || urlPath === basePath)) {
      res.writeHead(302, { Location: `${basePath}/` }).end();
      return;
    }
    const inside =
      basePath === '' ? urlPath : urlPath.startsWith(`${basePath}/`) ? urlPath.slice(basePath.length) : undefined;
    const found = inside === undefined ? undefined : resolveFile(dir, inside);
    const file = found ?? path.join(dir, '404.html');
    res.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else
      createReadStream(file)
        .on('error', () => res.end())
        .pipe(res);
  });
  const ports = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const port = await listen(server, ports);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
