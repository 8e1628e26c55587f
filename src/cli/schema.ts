/**
 * `npm run schema`: writes docs/import-line.schema.json, the JSON Schema of a line of a JSON Lines
 * scrape, from the content schema (src/scrapes/jsonl.ts). tests/import-jsonl.test.ts fails when the
 * published file and the schema differ.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importLineJsonSchema } from '../scrapes/jsonl';

const file = path.join('docs', 'import-line.schema.json');
writeFileSync(file, `${JSON.stringify(importLineJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
