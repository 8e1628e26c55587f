/**
 * Loaded first into `next build` (src/cli/build.ts, step "pages"). In Next's main process it makes
 * V8 collect garbage once the heap has grown by a fifth over what was live after the last full
 * collection, instead of letting it grow to several times that: at the end of a build that process
 * copies every page into out/ at once, one pending copy a page, and its heap would otherwise grow
 * far past what it holds live (docs/performance.md, "Next's main process and heap.mjs").
 *
 * Next passes its own Node options on to its page workers, so this file runs in them too, and
 * does nothing there: the same setting made the pages markedly slower to render. V8 takes this
 * flag only on the command line (Node refuses it in NODE_OPTIONS, and Next passes only
 * NODE_OPTIONS-style options on), so it is set here. --max-old-space-size, which NODE_OPTIONS
 * allows, caps the heap instead of keeping it near what is live, and Next removes it from its
 * workers' options. IS_NEXT_WORKER is Next's own variable: this file runs before any of ours.
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.IS_NEXT_WORKER !== 'true') setFlagsFromString('--heap-growing-percent=20');
