/** Runs after `next build` (see package.json "build"): removes what no page uses from out/. */
import path from 'node:path';
import { pruneUnreferenced } from '../export/prune';
import { BASE_PATH } from '../site';

const outDir = path.resolve('out');
const removed = pruneUnreferenced(outDir, BASE_PATH);
console.log(`postbuild: removed ${removed.length} files that no page references from out/_next`);
