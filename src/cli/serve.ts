/**
 * `npm start`, after the build: serves out/ (or the folder given) on 127.0.0.1, port 3000 or
 * PORT, below the base path (src/settings.ts) as the host will. When the port is taken it serves on
 * the next free one and says so.
 */
import path from 'node:path';
import { serveStatic } from '../export/serve';
import { reportSettings, settings } from '../settings';

async function main(): Promise<void> {
  // The build has printed the settings' warnings already (npm start builds first).
  if (!reportSettings(undefined, false)) {
    process.exitCode = 1;
    return;
  }
  const dir = process.argv[2] ?? 'out';
  const { port, basePath } = settings();
  const server = await serveStatic(path.resolve(dir), port, Math.min(port + 100, 65535), basePath);
  const url = `${server.origin}${basePath}/`;
  if (server.port === port) console.log(`Serving ${dir}/ at ${url} (Ctrl+C to stop)`);
  else console.log(`Port ${port} is taken; serving ${dir}/ at ${url} instead (Ctrl+C to stop)`);
}

void main();
