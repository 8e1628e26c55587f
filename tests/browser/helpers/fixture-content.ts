/**
 * The layout fixture site's content: tests/fixtures/browser-content/ (the seed, the long-word
 * thread, and the two threads imported from the line and list scrapes) plus 50 short threads
 * answered by the long-word thread's doctor (her rating only there). Her 51 answers and the 54
 * threads of the index then take two pages each, so the browser suite meets the paginated page
 * types, with the longest name and title, as well.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../../src/content/load';
import type { Doctor } from '../../../src/content/schema';
import { ROOT } from '../../helpers/build';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'browser-content');
/** Threads added: one more than a page of answers, with the long-word thread's own answer. */
const ADDED = 50;

/** The doctor of the long-word thread's first answer, as loaded. */
export function longWordDoctor(): Doctor {
  const doctor = loadContent(FIXTURES).threads.find((t) => t.slug === 'long-word-layout-fixture')?.answers[0]?.doctor;
  if (!doctor) throw new Error(`${FIXTURES}: the long-word thread's first answer names no doctor`);
  return doctor;
}

/** Writes the fixture site's content into `dir` (created). */
export function writeFixtureContent(dir: string): void {
  cpSync(FIXTURES, dir, { recursive: true });
  const doctor = longWordDoctor();
  for (let i = 1; i <= ADDED; i++) {
    const slug = `filler-${String(i).padStart(2, '0')}`;
    // JSON strings are YAML double-quoted scalars: the doctor's fields are written as loaded.
    writeFileSync(
      path.join(dir, `${slug}.md`),
      `---
slug: ${slug}
title: Filler ${i}
topics: [Layout fixtures]
question:
  date: ${new Date(Date.UTC(2020, 0, i)).toISOString().slice(0, 10)}
source:
  site: Layout fixture
answers:
  - headline: Filler answer ${i}
    body: Filler text.
    doctor:
      name: ${JSON.stringify(doctor.name)}
      credentials: ${JSON.stringify(doctor.credentials)}
      location: ${JSON.stringify(doctor.location)}${doctor.specialty ? `\n      specialty: ${JSON.stringify(doctor.specialty)}` : ''}
---
Filler text.
`,
    );
  }
}
