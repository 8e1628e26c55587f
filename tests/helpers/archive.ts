/**
 * The 120-thread archive of the reader suite: the three hand-written threads in
 * tests/fixtures/archive/ plus 117 generated ones, written into a temporary content folder.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build';

/** Topic words: threads of one topic share exactly this one meaningful term. */
export const TOPICS = [
  'masseter',
  'rhinoplasty',
  'eyelid',
  'liposuction',
  'tattoo',
  'braces',
  'cataract',
  'migraine',
  'eczema',
];
export const GENERATED = 117;

/** Slug of generated thread `i` (1..117): `<topic>-thread-<i, 3 digits>`. */
export function generatedSlug(i: number): string {
  return `${TOPICS[i % TOPICS.length]}-thread-${String(i).padStart(3, '0')}`;
}

/** The topic name of generated thread `i` ("Masseter", …): with "Aftercare", which every generated thread has. */
export function topicName(i: number): string {
  const word = TOPICS[i % TOPICS.length] ?? '';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Date of generated thread `i`: one day apart, so thread 117 is the newest. */
export function generatedDate(i: number): string {
  return new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Thread `i`: a question on its topic (topics Aftercare and its topic's name); answer 1 by Alex Morgan of Springfield (rated in every
 * thread but the newest, value 4.0 + (i mod 10)/10, i reviews), answer 2 anonymous.
 */
function generatedThread(i: number): string {
  const slug = generatedSlug(i);
  const topic = TOPICS[i % TOPICS.length] ?? '';
  const rating = i === GENERATED ? '' : `\n      rating: { value: ${(4 + (i % 10) / 10).toFixed(1)}, reviews: ${i} }`;
  return `---
slug: ${slug}
title: Question ${i} about ${topic}
topics: [Aftercare, ${topicName(i)}]
question:
  date: ${generatedDate(i)}
source:
  site: Example Answers
answers:
  - headline: Answer on ${topic} ${i}
    body: Usual advice number ${i}.
    doctor:
      name: Alex Morgan
      credentials: [MD]
      location: Springfield
      specialty: Plastic Surgeon${rating}
  - headline: Anonymous ${i}
    body: Wait and see, case ${i}.
---
I am asking about ${topic} treatment number ${i}.
`;
}

/** Writes the archive into a new temporary folder and returns its path. */
export function writeArchive(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qa-archive-'));
  const fixtures = path.join(ROOT, 'tests', 'fixtures', 'archive');
  for (const file of readdirSync(fixtures)) copyFileSync(path.join(fixtures, file), path.join(dir, file));
  for (let i = 1; i <= GENERATED; i++) writeFileSync(path.join(dir, `${generatedSlug(i)}.md`), generatedThread(i));
  return dir;
}
