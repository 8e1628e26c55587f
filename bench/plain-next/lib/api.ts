// As in Next's examples/blog-starter (src/lib/api.ts): read and parse a file per call.
import fs from 'fs';
import { join } from 'path';
import matter from 'gray-matter';
import type { Thread } from './thread';

const threadsDirectory = process.env.CONTENT_DIR ?? join(process.cwd(), '_threads');

export function getThreadSlugs() {
  return fs.readdirSync(threadsDirectory).filter((f) => f.endsWith('.md'));
}

export function getThreadBySlug(slug: string) {
  const realSlug = slug.replace(/\.md$/, '');
  const fullPath = join(threadsDirectory, `${realSlug}.md`);
  const fileContents = fs.readFileSync(fullPath, 'utf8');
  const { data, content } = matter(fileContents);
  return { ...data, slug: realSlug, content } as Thread;
}

export function getAllThreads(): Thread[] {
  const slugs = getThreadSlugs();
  return slugs
    .map((slug) => getThreadBySlug(slug))
    .sort((a, b) => ((a.question?.date ?? '') > (b.question?.date ?? '') ? -1 : 1));
}
