/**
 * `npm start`, after the build: serves out/ (or the folder given) on 127.0.0.1, port 3000 or
 * PORT, below the base path (settings.ts) as the host will. When the port is taken it serves on
 * the next free one and says so.
 */
import path from 'node:path';
import { serveStatic } from '../export/serve';
import { readSettings } from '../settings';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? 'out';
  const value = process.env.PORT ?? '3000';
  const port = Number(value);
  if (!/^[1-9][0-9]*$/u.test(value) || port > 65535) {
    console.error(`PORT=${JSON.stringify(value)}: not a port number; write a number from 1 to 65535, such as PORT=3000`);
    process.exitCode = 1;
    return;
  }
  const { basePath } = readSettings(process.env).settings;
  const server = await serveStatic(path.resolve(dir), port, Math.min(port + 100, 65535), basePath);
  const url = `${server.origin}${basePath}/`;
  if (server.port === port) console.log(`Serving ${dir}/ at ${url} (Ctrl+C to stop)`);
  else console.log(`Port ${port} is taken; serving ${dir}/ at ${url} instead (Ctrl+C to stop)`);
}

void main();
