/**
 * `npm run dev [-- next dev options]`: the settings checked first (src/settings.ts), before any
 * content is read or anything compiled; a mistake is one line (variable, value, fix) and exit 1.
 * Then `next dev`, given the settings as checked, serves the content folder live
 * (docs/content-format.md, "Previewing").
 */
import { spawn } from 'node:child_process';
import { childEnv, reportSettings } from '../settings';

if (!reportSettings()) process.exitCode = 1;
else {
  const next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'dev', ...process.argv.slice(2)], {
    env: childEnv(),
    stdio: 'inherit',
  });
  // Ctrl+C reaches both processes (one process group); this one waits for Next to stop.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => next.kill('SIGTERM'));
  next.once('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
