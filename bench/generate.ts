/**
 * Synthetic threads of an archive's size and shape for the benchmark: 2 to 10 answers, doctors
 * from a pool of about 800 (what an archive of 10,000 threads holds) with and without ratings,
 * some anonymous answers, about 6.4 KB a file. Words follow a skewed distribution over a topic
 * vocabulary and a long tail of rare words, so that titles, search and related threads meet
 * realistic text. Bodies are written as the importer writes a scrape (src/scrapes/paragraphs.ts):
 * sentences with commas, parentheses, quotes, contractions, percentages and decimals; now and
 * then a character the importer escapes or one the renderer's plain-paragraph path declines;
 * some lines inside a paragraph (hard breaks) and some lists. See TEXT_SHAPES for how often.
 * Thread `i` depends only on `i`: the first 100 threads of a 1,000-thread run are the 100
 * threads of a 100-thread run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bodyMarkdown } from '../src/scrapes/paragraphs';

/** A deterministic PRNG (mulberry32): the same seed gives the same threads on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
/** Index skewed towards the front of a list (roughly Zipf-like): common words come up often. */
const skewed = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() ** 2.2 * list.length)] as T;
const between = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const COMMON = (
  'the a to of and is in that it you be this for are not with can your as have will on or but at by ' +
  'an would there some if so more after about may time which has should other what one very also been ' +
  'do only no they good into most than best area results patient few weeks months result treatment ' +
  'recommend injection injections muscle muscles effect effects usually often likely small amount ' +
  'consult board certified surgeon experienced doctor physician office exam examination photos ' +
  'procedure option options swelling healing recovery normal typically risk risks side days however ' +
  'answer question help hope luck good news patients face skin tissue'
).split(' ');

const TOPICS: readonly { name: string; words: readonly string[] }[] = [
  {
    name: 'Botox',
    words: [
      'botox',
      'units',
      'masseter',
      'forehead',
      'frown',
      'lines',
      'crows',
      'feet',
      'brow',
      'droop',
      'ptosis',
      'dysport',
      'xeomin',
      'paralysis',
    ],
  },
  {
    name: 'Lip Filler',
    words: [
      'lips',
      'filler',
      'juvederm',
      'restylane',
      'volbella',
      'lumps',
      'hyaluronidase',
      'vermilion',
      'border',
      'asymmetry',
      'syringe',
    ],
  },
  {
    name: 'Rhinoplasty',
    words: [
      'nose',
      'tip',
      'bridge',
      'hump',
      'septum',
      'cartilage',
      'revision',
      'nostrils',
      'splint',
      'cast',
      'breathing',
      'dorsum',
    ],
  },
  {
    name: 'Breast Augmentation',
    words: [
      'implants',
      'silicone',
      'saline',
      'cc',
      'profile',
      'submuscular',
      'capsular',
      'contracture',
      'cleavage',
      'incision',
      'drop',
      'fluff',
    ],
  },
  {
    name: 'Tummy Tuck',
    words: [
      'abdomen',
      'abdominoplasty',
      'diastasis',
      'scar',
      'drain',
      'seroma',
      'belly',
      'button',
      'compression',
      'garment',
      'skin',
      'excess',
    ],
  },
  {
    name: 'Liposuction',
    words: [
      'fat',
      'lipo',
      'thighs',
      'flanks',
      'cannula',
      'lumpy',
      'contour',
      'smartlipo',
      'vaser',
      'massage',
      'lymphatic',
      'fibrosis',
    ],
  },
  {
    name: 'Facelift',
    words: [
      'jowls',
      'neck',
      'smas',
      'ears',
      'sagging',
      'deep',
      'plane',
      'incisions',
      'hairline',
      'tightness',
      'numbness',
      'bruising',
    ],
  },
  {
    name: 'Eyelid Surgery',
    words: [
      'eyelids',
      'blepharoplasty',
      'bags',
      'hooded',
      'lower',
      'upper',
      'tear',
      'trough',
      'ectropion',
      'stitches',
      'dry',
      'eyes',
    ],
  },
  {
    name: 'Laser Resurfacing',
    words: [
      'laser',
      'fraxel',
      'co2',
      'resurfacing',
      'redness',
      'peeling',
      'pigmentation',
      'melasma',
      'acne',
      'scars',
      'texture',
      'sessions',
    ],
  },
  {
    name: 'Chin Implant',
    words: [
      'chin',
      'implant',
      'genioplasty',
      'jawline',
      'profile',
      'projection',
      'medpor',
      'shift',
      'mentalis',
      'weak',
      'balance',
      'osteotomy',
    ],
  },
  {
    name: 'Cheek Filler',
    words: [
      'cheeks',
      'voluma',
      'sculptra',
      'hollow',
      'midface',
      'volume',
      'radiesse',
      'overfilled',
      'puffy',
      'migration',
      'cannula',
      'contour',
    ],
  },
  {
    name: 'Hair Transplant',
    words: [
      'hair',
      'grafts',
      'fue',
      'fut',
      'donor',
      'hairline',
      'shedding',
      'density',
      'crown',
      'minoxidil',
      'finasteride',
      'follicles',
    ],
  },
];

const TITLE_FORMS: readonly ((topic: string, a: string, b: string) => string)[] = [
  (t, a, b) => `${t} ${a} After ${b}?`,
  (t, a) => `Is ${a} Normal After ${t}?`,
  (t, a, b) => `How Long Does ${a} Last After ${t} ${b}?`,
  (t, a, b) => `${a} and ${b} Three Weeks After ${t}`,
  (t, a) => `Should I Worry About ${a} Following ${t}?`,
  (t, a, b) => `Can ${t} Fix My ${a} ${b}?`,
];

const FIRST =
  'Michael Brent Ronald Francis Will Sarah Jennifer David Robert Lisa Karen Thomas Daniel Maria Anna James Laura Steven Paul Emily Andrew Rachel Mark Helen Kevin Susan Brian Nina Victor Grace Omar Priya Kenji Elena Marco Sofia Ahmed Chloe Ivan Leila'.split(
    ' ',
  );
const LAST =
  'Menachof Moelleken Shelton Palmer Richardson Nguyen Goldberg Patel Kim Rossi Schwartz Alvarez Chen Okafor Bennett Fischer Haddad Lindqvist Moreau Tanaka Kowalski Brennan Castillo Dubois Hartmann Ivanova Jensen Khoury Larsen Mendez Novak Ortega Quinn Reyes Sato Torres Vargas Walsh Yilmaz Zimmerman'.split(
    ' ',
  );
const CITIES =
  'Beverly Hills|Greenwood Village|Manhattan|Fort Lauderdale|Chicago|Houston|Seattle|Miami|Boston|Denver|San Diego|Atlanta|Dallas|Phoenix|Toronto|London'.split(
    '|',
  );
const SPECIALTIES =
  'Facial Plastic Surgeon|Plastic Surgeon|Dermatologic Surgeon|Dermatologist|Oculoplastic Surgeon|Cosmetic Surgeon|Hair Restoration Surgeon'.split(
    '|',
  );
const CREDENTIALS: readonly (readonly string[])[] = [['MD'], ['MD'], ['MD'], ['DO'], ['MD', 'FACS'], ['MD', 'PhD']];
const DISCLAIMER =
  'These answers are for educational purposes and should not be relied upon as a substitute for medical advice you may receive from your physician. If you have a medical emergency, please call 911. These answers do not constitute or initiate a patient/doctor relationship.';

/** Rare words (names of things, misspellings, jargon): pronounceable, deterministic, 4,000 of them. */
const RARE = (() => {
  const rand = prng(7);
  const syllables = 'ka to mi ra ne lo su vi da pe ri no ta ge lu mo si fa be ko'.split(' ');
  const words = new Set<string>();
  while (words.size < 4000)
    words.add(Array.from({ length: between(rand, 2, 4) }, () => pick(rand, syllables)).join(''));
  return [...words];
})();

/**
 * Doctors answer many threads: a fixed pool, so doctor pages have several answers each. An
 * archive of 10,000 threads names about 800 doctors; the pool cannot grow with N (thread `i`
 * depends on `i` only), so smaller runs meet fewer of them, as a slice of an archive would.
 */
const DOCTOR_POOL = 800;

type Doctor = {
  name: string;
  credentials: readonly string[];
  location: string;
  specialty: string;
  rating?: { value: number; reviews: number };
};

function doctor(k: number): Doctor {
  const rand = prng(1_000_003 + k);
  const middle = rand() < 0.3 ? ` ${String.fromCharCode(65 + between(rand, 0, 25))}.` : '';
  const d: Doctor = {
    // First and last names from k itself: no two doctors of the pool share a name (40 × 40 pairs).
    name: `${FIRST[k % FIRST.length] ?? ''}${middle} ${LAST[(Math.floor(k / FIRST.length) + 3 * k) % LAST.length] ?? ''}`,
    credentials: pick(rand, CREDENTIALS),
    location: pick(rand, CITIES),
    specialty: pick(rand, SPECIALTIES),
  };
  if (rand() < 0.75) d.rating = { value: between(rand, 35, 50) / 10, reviews: between(rand, 1, 400) };
  return d;
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** How often the harder shapes of real text come up (per sentence, per paragraph). */
const TEXT_SHAPES = {
  /** A sentence opens with a word and a comma: "However, ...". */
  opener: 0.2,
  /** A comma inside a sentence. */
  comma: 0.45,
  /** A parenthesis at the end of a sentence: "(e.g. ...)", "(about 20%)". */
  aside: 0.15,
  /** A word in double quotes. */
  quoted: 0.06,
  /** A sentence that starts with a decimal, "4.0 mm ...": the importer writes "4\.0" at a line's start. */
  decimalFirst: 0.006,
  /** A character typed as text that the importer escapes or the plain path declines: `*`, `_`, `<`, `>`, `~`, `[`, "Q&A". */
  typed: 0.008,
  /** A paragraph whose lines were separate lines on the page: hard breaks. */
  lines: 0.02,
  /** A paragraph that is, or ends in, a list of 2 to 5 lines. */
  list: 0.02,
} as const;

const OPENERS =
  'However|Unfortunately|In general|In my experience|Fortunately|That said|Hopefully|Also|Otherwise|Typically|Honestly|Yes|No'.split(
    '|',
  );
const CONTRACTIONS =
  "it's|don't|you'll|won't|I'm|there's|can't|you're|isn't|doesn't|I'd|we'll|that's|it'll|wouldn't|patient's|doctor's".split(
    '|',
  );
const CLOSERS =
  'Hope this helps.|Good luck!|Best wishes.|Hang in there, it will get better.|Thank you|Hope this helps. Good luck.|All the best,'.split(
    '|',
  );
/** Typed characters as a scrape has them: some the importer escapes (`*`, `_`, `<`, `[`), some only the plain path declines (`>`, `~`, "&T"), some harmless ("#1", "3+", " & "). */
const TYPED = [
  '*',
  'see the *before* photo',
  'up_to_date',
  '<1%',
  '> 6 months',
  '~20 units',
  'Q&A',
  'AT&T',
  '[sic]',
  '#1',
  '3+ months',
  'before & after',
  'a/b',
];
const NUMBER_FORMS: readonly ((rand: Rand) => string)[] = [
  (r) => String(between(r, 1, 40)),
  (r) => String(between(r, 1, 40)),
  (r) => `${between(r, 1, 9) * 5}%`,
  (r) => {
    const a = between(r, 1, 6);
    return `${a} to ${a + between(r, 1, 3)}`;
  },
  (r) => {
    const a = between(r, 1, 6);
    return `${a}-${a + between(r, 1, 3)}`;
  },
  (r) => `${between(r, 0, 4)}.${between(r, 0, 9)}`,
  (r) => `$${between(r, 1, 12)},${String(between(r, 0, 9) * 100).padStart(3, '0')}`,
  (r) => `${between(r, 1, 10) / 2} cc`,
];

function word(rand: Rand, topic: readonly string[]): string {
  const r = rand();
  if (r < 0.58) return skewed(rand, COMMON);
  if (r < 0.62) return pick(rand, CONTRACTIONS);
  if (r < 0.9) return pick(rand, topic);
  if (r < 0.95) return pick(rand, NUMBER_FORMS)(rand);
  return skewed(rand, RARE);
}

/** Words of one sentence, without punctuation: for headlines. */
function plainSentence(rand: Rand, topic: readonly string[]): string {
  return Array.from({ length: between(rand, 7, 22) }, () => {
    const r = rand();
    if (r < 0.62) return skewed(rand, COMMON);
    if (r < 0.9) return pick(rand, topic);
    if (r < 0.95) return String(between(rand, 1, 40));
    return skewed(rand, RARE);
  }).join(' ');
}

/** One sentence of an answer, punctuated as people write: commas, asides, quotes, now and then a typed character. */
function sentence(rand: Rand, topic: readonly string[]): string {
  const words = Array.from({ length: between(rand, 7, 22) }, () => word(rand, topic));
  if (rand() < TEXT_SHAPES.comma) {
    const at = between(rand, 2, words.length - 2);
    words[at] = `${words[at] ?? ''},`;
  }
  if (rand() < TEXT_SHAPES.quoted) {
    const at = between(rand, 1, words.length - 1);
    words[at] = `"${words[at] ?? ''}"`;
  }
  if (rand() < TEXT_SHAPES.typed) words.splice(between(rand, 1, words.length - 1), 0, pick(rand, TYPED));
  if (rand() < TEXT_SHAPES.aside) {
    const aside = pick(rand, [
      () => `(e.g. ${pick(rand, topic)} or ${pick(rand, topic)})`,
      () => `(i.e. ${skewed(rand, COMMON)} ${pick(rand, topic)})`,
      () => `(maybe ${between(rand, 2, 4)} or ${between(rand, 5, 8)} weeks)`,
      () => `(about ${between(rand, 1, 19) * 5}%)`,
      () => `(${pick(rand, topic)}, ${pick(rand, topic)}, etc.)`,
    ])();
    words.push(aside);
  }
  let first = words[0] ?? '';
  if (rand() < TEXT_SHAPES.decimalFirst)
    first = `${between(rand, 1, 9)}.${between(rand, 0, 9)} ${pick(rand, ['mm', 'cc', 'ml', 'units'])} ${first}`;
  else if (rand() < TEXT_SHAPES.opener) first = `${pick(rand, OPENERS)}, ${first}`;
  words[0] = capitalize(first);
  const end = rand();
  return `${words.join(' ')}${end < 0.8 ? '.' : end < 0.9 ? '?' : end < 0.97 ? '!' : '...'}`;
}

/** A list as a scrape shows it: numbered steps or bullets, after an optional line of text. */
function listLines(rand: Rand, topic: readonly string[]): string[] {
  const lines =
    rand() < 0.6
      ? [
          `${capitalize(pick(rand, ['what I tell patients', 'a few options', 'steps to take', 'things to avoid', 'my advice']))}:`,
        ]
      : [];
  const marker = pick(rand, ['1.', '1.', '1)', '-', '-', '•', '*']);
  const items = between(rand, 2, 5);
  for (let k = 0; k < items; k += 1) {
    const item = sentence(rand, topic)
      .split(' ')
      .slice(0, between(rand, 2, 12))
      .join(' ');
    const mark = /^\d/u.test(marker) ? `${k + 1}${marker.slice(1)}` : marker;
    lines.push(`${mark} ${item}`);
  }
  return lines;
}

/**
 * A body of about `chars` characters as the importer writes it: the lines of a scrape in
 * paragraphs (most one line of sentences; some lines with hard breaks; some lists), turned into
 * markdown by the importer's own writer, which escapes what would read as markup.
 */
function text(rand: Rand, topic: readonly string[], chars: number): string {
  const paragraphs: string[][] = [];
  let size = 0;
  while (size < chars) {
    const r = rand();
    const lines =
      r < TEXT_SHAPES.list
        ? listLines(rand, topic)
        : r < TEXT_SHAPES.list + TEXT_SHAPES.lines
          ? Array.from({ length: between(rand, 2, 4) }, () => sentence(rand, topic))
          : [Array.from({ length: between(rand, 1, 4) }, () => sentence(rand, topic)).join(' ')];
    paragraphs.push(lines);
    size += lines.join(' ').length;
  }
  if (rand() < 0.3) paragraphs.push([pick(rand, CLOSERS)]);
  let n = 0;
  const source = paragraphs.map((p) => p.map((line) => ({ n: (n += 1), text: line })));
  return bodyMarkdown(source).markdown.replace(/\n+$/u, '');
}

function titleCase(words: readonly string[]): string {
  return words.map(capitalize).join(' ');
}

/** Lowercase words joined by hyphens, short enough for a file name. */
function slugify(title: string, i: number): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 60)
    .replace(/-$/u, '');
  return `${base}-${i}`;
}

/** Quoted YAML scalar (a JSON string is valid YAML). */
const q = (s: string) => JSON.stringify(s);
const block = (s: string, indent: string) =>
  s
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l))
    .join('\n');

/**
 * The topics of thread `i`: its treatment, then 0 to 2 of that treatment's words as
 * narrower topics ("Botox", "Masseter"); about 150 topics in all. Drawn from a PRNG of their own,
 * so the rest of every thread is what it was before threads had topics.
 */
function topicsOf(i: number, topic: { name: string; words: readonly string[] }): string[] {
  const rand = prng(5_000_011 + i);
  const names = [topic.name];
  for (let k = between(rand, 0, 2); k > 0; k -= 1) {
    const name = titleCase([pick(rand, topic.words)]);
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

/** The content file of synthetic thread number `i`: its slug and its text. */
export function syntheticThread(i: number): { slug: string; text: string } {
  const rand = prng(i + 1);
  const topic = pick(rand, TOPICS);
  const title = pick(rand, TITLE_FORMS)(
    topic.name,
    titleCase([pick(rand, topic.words)]),
    titleCase([pick(rand, topic.words)]),
  );
  const slug = slugify(title, i);
  const lines = ['---', `slug: ${slug}`, `title: ${q(title)}`, `topics: [${topicsOf(i, topic).map(q).join(', ')}]`];
  const photo = rand() < 0.3;
  const date =
    rand() < 0.85
      ? `${between(rand, 2009, 2024)}-${String(between(rand, 1, 12)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}`
      : undefined;
  if (photo || date) {
    lines.push('question:');
    if (photo) lines.push('  photo: true');
    if (date) lines.push(`  date: ${q(date)}`);
  }
  lines.push('source:', '  site: RealSelf');
  if (rand() < 0.5) lines.push(`  url: ${q(`https://www.realself.com/question/${slug}`)}`);
  if (rand() < 0.9) lines.push(`disclaimer: ${q(DISCLAIMER)}`);
  lines.push('answers:');
  const answers = between(rand, 2, 10);
  for (let a = 0; a < answers; a += 1) {
    const headline =
      rand() < 0.25
        ? title
        : titleCase(
            plainSentence(rand, topic.words)
              .split(' ')
              .slice(0, between(rand, 3, 8)),
          );
    lines.push(
      `  - headline: ${q(headline)}`,
      '    body: |',
      block(text(rand, topic.words, between(rand, 200, 800)), '      '),
    );
    if (rand() < 0.8) {
      const d = doctor(Math.floor(rand() ** 1.5 * DOCTOR_POOL));
      lines.push('    doctor:', `      name: ${q(d.name)}`, `      credentials: [${d.credentials.join(', ')}]`);
      lines.push(`      location: ${q(d.location)}`, `      specialty: ${q(d.specialty)}`);
      if (d.rating) lines.push(`      rating: { value: ${d.rating.value.toFixed(1)}, reviews: ${d.rating.reviews} }`);
    }
    lines.push('');
  }
  lines.push('---', text(rand, topic.words, between(rand, 200, 800)), '');
  return { slug, text: lines.join('\n') };
}

/** Writes threads 0..n-1 into `dir` (emptied first) as `<slug>.md`; returns the total bytes written. */
export function writeThreads(dir: string, n: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i += 1) {
    const t = syntheticThread(i);
    writeFileSync(path.join(dir, `${t.slug}.md`), t.text);
    bytes += Buffer.byteLength(t.text);
  }
  return bytes;
}
