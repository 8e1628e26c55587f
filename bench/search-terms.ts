/**
 * Document frequency of words in a content folder, to pick search terms of a known rarity.
 *
 *   npm run bench:search-terms -- <contentDir> <target> [<how-many>=20]
 *
 * <target> below 1 is a fraction of the threads (0.1 = a word in 10% of them); 1 or more is a
 * number of threads (200, or 1 for words in exactly one thread). Prints the <how-many> words whose
 * document frequency is nearest the target, as "threads<TAB>word". A thread's text is what its page
 * gives the search index: title, topics, question, and each answer's headline, body and doctor.
 * Words are lowercase runs of letters, counted once a thread. Pagefind stems words, so its result
 * counts can be somewhat higher (e.g. "scar" also finds "scars").
 */
import { contentNames, loadEntry } from '../src/content/load';
import type { Thread } from '../src/content/schema';

/** What a thread's page gives the search index. */
function threadText(thread: Thread): string {
  const parts: (string | readonly string[] | undefined)[] = [thread.title, thread.topics, thread.question.body];
  for (const a of thread.answers) {
    const d = a.doctor;
    parts.push(a.headline, a.body, d?.name, d?.credentials, d?.location, d?.specialty);
  }
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string')
    .join('\n');
}

function main(): void {
  const [dir, rawTarget, rawCount = '20'] = process.argv.slice(2);
  const target = Number(rawTarget);
  if (!dir || !(target > 0)) {
    console.error(
      'usage: npm run bench:search-terms -- <contentDir> <fraction below 1, or a thread count> [<how-many>=20]',
    );
    process.exit(2);
  }
  // One file at a time, as the loader reads and validates it: an archive of 100,000 is never held whole.
  const files = contentNames(dir);
  const df = new Map<string, number>();
  for (const name of files) {
    const { thread, problems } = loadEntry(dir, name);
    if (!thread) throw new Error(`${name}: ${problems[0]?.message ?? 'not a thread'}; run npm run check`);
    const words = new Set(
      threadText(thread)
        .toLowerCase()
        .split(/[^\p{L}]+/u),
    );
    for (const w of words) if (w.length > 1) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const want = target < 1 ? target * files.length : target;
  const nearest = [...df]
    .sort(([a, x], [b, y]) => Math.abs(x - want) - Math.abs(y - want) || a.localeCompare(b))
    .slice(0, Number(rawCount));
  console.log(
    `# ${files.length} threads, ${df.size} words; nearest ${Math.round(want)} threads (${((want / files.length) * 100).toFixed(2)}%)`,
  );
  for (const [w, n] of nearest) console.log(`${n}\t${w}`);
}

main();
