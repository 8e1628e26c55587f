/**
 * Loaded first into `next build` (src/cli/build.ts, step "pages"). In Next's main process it makes
 * V8 collect garbage once the heap has grown by a fifth over what was live after the last full
 * collection, instead of letting it grow up to four times that. At the end of a build that
 * process copies every page into out/ all at once (one pending copy a page): at 100,000 threads it
 * held 530 MB live and grew to 1.6 GB; with this, 1.1 GB (docs/performance.md, issue 13).
 *
 * Next passes its own Node options on to its page workers, so this file runs in them too, and
 * does nothing there: a worker holds about 100 MB live at 100,000 threads and grows to 600-800 MB,
 * but the same setting made the pages 20-40 % slower to render. V8 takes this flag only on the
 * command line (Node refuses it in NODE_OPTIONS, and Next passes only NODE_OPTIONS-style options
 * on), so it is set here. --max-old-space-size, which NODE_OPTIONS allows, caps the heap instead of
 * keeping it near what is live, and Next removes it from its workers' options.
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.IS_NEXT_WORKER !== 'true') setFlagsFromString('--heap-growing-percent=20');
