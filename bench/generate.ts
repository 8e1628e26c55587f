/**
 * Synthetic threads of the seed's size and shape for the benchmark: 8 answers, doctors with
 * and without ratings, some anonymous answers, about 6.4 KB a file. Words follow a skewed
 * distribution over a topic vocabulary and a long tail of rare words, so that titles, search
 * and related threads meet realistic text. Thread `i` depends only on `i`: the first 100
 * threads of a 1,000-thread run are the 100 threads of a 100-thread run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
  { name: 'Botox', words: ['botox', 'units', 'masseter', 'forehead', 'frown', 'lines', 'crows', 'feet', 'brow', 'droop', 'ptosis', 'dysport', 'xeomin', 'paralysis'] },
  { name: 'Lip Filler', words: ['lips', 'filler', 'juvederm', 'restylane', 'volbella', 'lumps', 'hyaluronidase', 'vermilion', 'border', 'asymmetry', 'syringe'] },
  { name: 'Rhinoplasty', words: ['nose', 'tip', 'bridge', 'hump', 'septum', 'cartilage', 'revision', 'nostrils', 'splint', 'cast', 'breathing', 'dorsum'] },
  { name: 'Breast Augmentation', words: ['implants', 'silicone', 'saline', 'cc', 'profile', 'submuscular', 'capsular', 'contracture', 'cleavage', 'incision', 'drop', 'fluff'] },
  { name: 'Tummy Tuck', words: ['abdomen', 'abdominoplasty', 'diastasis', 'scar', 'drain', 'seroma', 'belly', 'button', 'compression', 'garment', 'skin', 'excess'] },
  { name: 'Liposuction', words: ['fat', 'lipo', 'thighs', 'flanks', 'cannula', 'lumpy', 'contour', 'smartlipo', 'vaser', 'massage', 'lymphatic', 'fibrosis'] },
  { name: 'Facelift', words: ['jowls', 'neck', 'smas', 'ears', 'sagging', 'deep', 'plane', 'incisions', 'hairline', 'tightness', 'numbness', 'bruising'] },
  { name: 'Eyelid Surgery', words: ['eyelids', 'blepharoplasty', 'bags', 'hooded', 'lower', 'upper', 'tear', 'trough', 'ectropion', 'stitches', 'dry', 'eyes'] },
  { name: 'Laser Resurfacing', words: ['laser', 'fraxel', 'co2', 'resurfacing', 'redness', 'peeling', 'pigmentation', 'melasma', 'acne', 'scars', 'texture', 'sessions'] },
  { name: 'Chin Implant', words: ['chin', 'implant', 'genioplasty', 'jawline', 'profile', 'projection', 'medpor', 'shift', 'mentalis', 'weak', 'balance', 'osteotomy'] },
  { name: 'Cheek Filler', words: ['cheeks', 'voluma', 'sculptra', 'hollow', 'midface', 'volume', 'radiesse', 'overfilled', 'puffy', 'migration', 'cannula', 'contour'] },
  { name: 'Hair Transplant', words: ['hair', 'grafts', 'fue', 'fut', 'donor', 'hairline', 'shedding', 'density', 'crown', 'minoxidil', 'finasteride', 'follicles'] },
];

const TITLE_FORMS: readonly ((topic: string, a: string, b: string) => string)[] = [
  (t, a, b) => `${t} ${a} After ${b}?`,
  (t, a) => `Is ${a} Normal After ${t}?`,
  (t, a, b) => `How Long Does ${a} Last After ${t} ${b}?`,
  (t, a, b) => `${a} and ${b} Three Weeks After ${t}`,
  (t, a) => `Should I Worry About ${a} Following ${t}?`,
  (t, a, b) => `Can ${t} Fix My ${a} ${b}?`,
];

const FIRST = 'Michael Brent Ronald Francis Will Sarah Jennifer David Robert Lisa Karen Thomas Daniel Maria Anna James Laura Steven Paul Emily Andrew Rachel Mark Helen Kevin Susan Brian Nina Victor Grace Omar Priya Kenji Elena Marco Sofia Ahmed Chloe Ivan Leila'.split(' ');
const LAST = 'Menachof Moelleken Shelton Palmer Richardson Nguyen Goldberg Patel Kim Rossi Schwartz Alvarez Chen Okafor Bennett Fischer Haddad Lindqvist Moreau Tanaka Kowalski Brennan Castillo Dubois Hartmann Ivanova Jensen Khoury Larsen Mendez Novak Ortega Quinn Reyes Sato Torres Vargas Walsh Yilmaz Zimmerman'.split(' ');
const CITIES = 'Beverly Hills|Greenwood Village|Manhattan|Fort Lauderdale|Chicago|Houston|Seattle|Miami|Boston|Denver|San Diego|Atlanta|Dallas|Phoenix|Toronto|London'.split('|');
const SPECIALTIES = 'Facial Plastic Surgeon|Plastic Surgeon|Dermatologic Surgeon|Dermatologist|Oculoplastic Surgeon|Cosmetic Surgeon|Hair Restoration Surgeon'.split('|');
const CREDENTIALS: readonly (readonly string[])[] = [['MD'], ['MD'], ['MD'], ['DO'], ['MD', 'FACS'], ['MD', 'PhD']];
const DISCLAIMER =
  'These answers are for educational purposes and should not be relied upon as a substitute for medical advice you may receive from your physician. If you have a medical emergency, please call 911. These answers do not constitute or initiate a patient/doctor relationship.';

/** Rare words (names of things, misspellings, jargon): pronounceable, deterministic, 4,000 of them. */
const RARE = (() => {
  const rand = prng(7);
  const syllables = 'ka to mi ra ne lo su vi da pe ri no ta ge lu mo si fa be ko'.split(' ');
  const words = new Set<string>();
  while (words.size < 4000) words.add(Array.from({ length: between(rand, 2, 4) }, () => pick(rand, syllables)).join(''));
  return [...words];
})();

/** Doctors answer many threads: a fixed pool, so doctor pages have several answers each. */
const DOCTOR_POOL = 2000;

type Doctor = { name: string; credentials: readonly string[]; location: string; specialty: string; rating?: { value: number; reviews: number } };

function doctor(k: number): Doctor {
  const rand = prng(1_000_003 + k);
  const middle = rand() < 0.3 ? ` ${String.fromCharCode(65 + between(rand, 0, 25))}.` : '';
  const d: Doctor = {
    name: `${pick(rand, FIRST)}${middle} ${pick(rand, LAST)}`,
    credentials: pick(rand, CREDENTIALS),
    location: pick(rand, CITIES),
    specialty: pick(rand, SPECIALTIES),
  };
  if (rand() < 0.75) d.rating = { value: between(rand, 35, 50) / 10, reviews: between(rand, 1, 400) };
  return d;
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function sentence(rand: Rand, topic: readonly string[]): string {
  const words = Array.from({ length: between(rand, 7, 22) }, () => {
    const r = rand();
    if (r < 0.62) return skewed(rand, COMMON);
    if (r < 0.9) return pick(rand, topic);
    if (r < 0.95) return String(between(rand, 1, 40));
    return skewed(rand, RARE);
  });
  return `${capitalize(words.join(' '))}${rand() < 0.12 ? '?' : '.'}`;
}

/** A markdown text of about `chars` characters, in paragraphs; now and then a short list. */
function text(rand: Rand, topic: readonly string[], chars: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < chars) {
    const p =
      rand() < 0.06
        ? Array.from({ length: between(rand, 2, 4) }, () => `- ${sentence(rand, topic)}`).join('\n')
        : Array.from({ length: between(rand, 2, 4) }, () => sentence(rand, topic)).join(' ');
    paragraphs.push(p);
    size += p.length;
  }
  return paragraphs.join('\n\n');
}

function titleCase(words: readonly string[]): string {
  return words.map(capitalize).join(' ');
}

/** Lowercase words joined by hyphens, short enough for a file name. */
function slugify(title: string, i: number): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '').slice(0, 60).replace(/-$/u, '');
  return `${base}-${i}`;
}

/** Quoted YAML scalar (a JSON string is valid YAML). */
const q = (s: string) => JSON.stringify(s);
const block = (s: string, indent: string) => s.split('\n').map((l) => (l === '' ? '' : indent + l)).join('\n');

/** The content file of synthetic thread number `i`: its slug and its text. */
export function syntheticThread(i: number): { slug: string; text: string } {
  const rand = prng(i + 1);
  const topic = pick(rand, TOPICS);
  const title = pick(rand, TITLE_FORMS)(topic.name, titleCase([pick(rand, topic.words)]), titleCase([pick(rand, topic.words)]));
  const slug = slugify(title, i);
  const lines = ['---', `slug: ${slug}`, `title: ${q(title)}`];
  const photo = rand() < 0.3;
  const date = rand() < 0.85 ? `${between(rand, 2009, 2024)}-${String(between(rand, 1, 12)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}` : undefined;
  if (photo || date) {
    lines.push('question:');
    if (photo) lines.push('  photo: true');
    if (date) lines.push(`  date: ${q(date)}`);
  }
  lines.push('source:', '  site: RealSelf');
  if (rand() < 0.5) lines.push(`  url: ${q(`https://www.realself.com/question/${slug}`)}`);
  if (rand() < 0.9) lines.push(`disclaimer: ${q(DISCLAIMER)}`);
  lines.push('answers:');
  for (let a = 0; a < 8; a += 1) {
    const headline = rand() < 0.25 ? title : titleCase(sentence(rand, topic.words).replace(/[.?]$/u, '').split(' ').slice(0, between(rand, 3, 8)));
    lines.push(`  - headline: ${q(headline)}`, '    body: |', block(text(rand, topic.words, between(rand, 150, 530)), '      '));
    if (rand() < 0.8) {
      const d = doctor(Math.floor(rand() ** 1.5 * DOCTOR_POOL));
      lines.push('    doctor:', `      name: ${q(d.name)}`, `      credentials: [${d.credentials.join(', ')}]`);
      lines.push(`      location: ${q(d.location)}`, `      specialty: ${q(d.specialty)}`);
      if (d.rating) lines.push(`      rating: { value: ${d.rating.value.toFixed(1)}, reviews: ${d.rating.reviews} }`);
    }
    lines.push('');
  }
  lines.push('---', text(rand, topic.words, between(rand, 200, 560)), '');
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
