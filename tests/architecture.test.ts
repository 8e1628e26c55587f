/**
 * The layer rule of docs/architecture.md, read from the imports of every file in src/: each folder
 * imports only from the folders it may, and no folder holds more than a quarter of the code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from './helpers/build';

const SRC = path.join(__dirname, '..', 'src');
const BOTTOM = 'the bottom';

/** What each folder may import besides itself (docs/architecture.md, "Layers"). */
const MAY_IMPORT: Record<string, string[]> = {
  pages: ['components', 'routes', 'views', 'archive', 'content', 'styles', BOTTOM],
  cli: ['export', 'importer', 'scrapes', 'routes', 'views', 'archive', 'content', BOTTOM],
  components: ['views', 'archive', 'content', BOTTOM],
  routes: ['views', 'archive', 'content', BOTTOM],
  export: [BOTTOM],
  importer: ['scrapes', 'content', BOTTOM],
  scrapes: ['content', BOTTOM],
  views: ['archive', 'content', BOTTOM],
  archive: ['content', BOTTOM],
  content: [BOTTOM],
  [BOTTOM]: [BOTTOM],
};

/** The layer of a path inside src/: its top folder, or the bottom for the files beside them. */
const layerOf = (file: string) => (file.includes('/') ? (file.split('/')[0] ?? '') : BOTTOM);

const code = listFiles(SRC).filter((f) => /\.(ts|tsx|mjs)$/u.test(f));

/** Every import of our own files in `file` (a path inside src/), as paths inside src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import|require\()\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/gu)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

describe('the layers of src/', () => {
  it('has every folder in the rule', () => {
    const folders = new Set(code.map(layerOf));
    expect([...folders].filter((f) => !(f in MAY_IMPORT))).toEqual([]);
    expect(code.length).toBeGreaterThan(80);
  });

  it('imports only downward: each folder from the folders its layer may import', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const file of code) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        seen += 1;
        const to = layerOf(target);
        if (to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) wrong.push(`${file} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(200);
  });

  it('keeps every folder under a quarter of the lines of src/', () => {
    const lines = new Map<string, number>();
    for (const file of code) {
      const layer = layerOf(file);
      lines.set(layer, (lines.get(layer) ?? 0) + readFileSync(path.join(SRC, file), 'utf8').split('\n').length);
    }
    const total = [...lines.values()].reduce((a, b) => a + b, 0);
    const over = [...lines].filter(([, n]) => n > total / 4).map(([layer, n]) => `${layer}: ${n} of ${total} lines`);
    expect(over).toEqual([]);
  });
});
