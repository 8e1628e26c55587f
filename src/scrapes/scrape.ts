/**
 * Scraped page text (the seed's format: a RealSelf Q&A page saved as plain text) to thread data.
 * Pure: no file access. Either a thread with warnings, or the first line that does not fit the
 * format (or whose text the content rules for bodies refuse) and what was expected there. Every
 * word and every line of the question and answers is kept, in order; only page chrome, the vote
 * templates and the doctor blocks' layout are taken apart.
 */
import { SLUG_MAX, slugWords } from '../content/slugs';
import type { Answer, Doctor, Rating, Thread } from '../content/schema';
import { firstBodyProblem } from './body-problems';
import type { BodyLines } from './body-problems';
import { SPACES, bodyMarkdown, splitParagraphs } from './paragraphs';
import type { SourceLine as Line } from './paragraphs';

/** Something kept but worth a look, at a 1-based line of the scrape. */
export type ScrapeWarning = { line: number; message: string };

/** Why a scrape cannot be imported: the 1-based line and what was expected there. */
export type ScrapeError = { line: number; message: string };

export type Scraped =
  | {
      ok: true;
      thread: Thread;
      warnings: ScrapeWarning[];
      /** Where the title (and so the slug) came from. */ titleLine: number;
    }
  | { ok: false; error: ScrapeError };

/** The site whose page layout this format is ("Doctor Answers N", the `{{ voteCount }}` template). */
const SOURCE_SITE = 'RealSelf';

/** Specialties as the source writes them after the location; the longest match wins. */
const SPECIALTIES: readonly string[] = [
  'Plastic Surgeon',
  'Facial Plastic Surgeon',
  'Plastic and Reconstructive Surgeon',
  'Reconstructive Surgeon',
  'Cosmetic Surgeon',
  'Dermatologic Surgeon',
  'Mohs Surgeon',
  'Dermatologist',
  'Cosmetic Dermatologist',
  'Oculoplastic Surgeon',
  'Ophthalmic Plastic Surgeon',
  'Ophthalmologist',
  'Oral and Maxillofacial Surgeon',
  'Oral Surgeon',
  'Otolaryngologist',
  'ENT Surgeon',
  'Head and Neck Surgeon',
  'Hair Restoration Surgeon',
  'Hair Transplant Surgeon',
  'Breast Surgeon',
  'General Surgeon',
  'Vascular Surgeon',
  'Bariatric Surgeon',
  'Orthopedic Surgeon',
  'Hand Surgeon',
  'Cosmetic Dentist',
  'Dentist',
  'Orthodontist',
  'Periodontist',
  'Prosthodontist',
  'Endodontist',
  'Gynecologist',
  'Obstetrician and Gynecologist',
  'Urologist',
  'Podiatrist',
  'Aesthetic Physician',
  'Cosmetic Physician',
  'Family Physician',
  'Physician',
  'Internist',
  'Anesthesiologist',
  'Radiologist',
  'Nurse Practitioner',
  'Physician Assistant',
  'Registered Nurse',
  'Aesthetician',
];

/** Titles after a doctor's name. Suffixes such as "III" or "Jr." are not here: they belong to the name. */
// Two-letter titles that are also US state codes (MA, MS, PA...) are left out, so "Boston, MA" is no doctor.
const CREDENTIALS = new Set([
  'MD',
  'DO',
  'DDS',
  'DMD',
  'MBBS',
  'MBChB',
  'PhD',
  'FACS',
  'FAAD',
  'FACMS',
  'FAAFPRS',
  'FACOG',
  'FAAOS',
  'FICS',
  'FAACS',
  'FRCS',
  'FRCSC',
  'FRCPC',
  'MSc',
  'MPH',
  'MBA',
  'BSN',
  'RN',
  'NP',
  'FNP',
  'FNP-BC',
  'APRN',
  'CRNP',
  'DNP',
  'MSN',
  'PA-C',
  'DPM',
]);

/** Marks an answer's start; the page never rendered it, so it carries no vote value. */
const VOTE_TEMPLATE = /^\{\{.*\bvoteCount\b.*\}\}$/u;
/** Any other unrendered template: the schema refuses it in text, so it is reported here with its scrape line. */
const OTHER_TEMPLATE = /\{\{.*?\}\}/u;
const ANSWER_COUNT = /^Doctor Answers\b/iu;
const ANSWER_COUNT_EXACT = /^Doctor Answers (\d{1,3}(?:,\d{3})*)$/iu;
const PHOTO_MARKER = /\s*\((photos?)\)$/iu;
/** Page chrome: a carousel heading whose contents were not scraped. */
const CHROME = /^You might also like(?:\.\.\.|…)?$/iu;
/** The closing disclaimer's opening words; a page with one answer says "This answer is". */
const DISCLAIMER_START = /^(?:These answers are|This answer is) for educational purposes\b/iu;
const RATING = /^(\d+(?:\.\d+)?) out of 5 stars (\d{1,3}(?:,\d{3})+|\d+) reviews?$/u;

class ParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a whole scrape. `text` is decoded text; line endings may be `\n`, `\r\n` or `\r`. */
export function parseScrape(text: string): Scraped {
  const warnings: ScrapeWarning[] = [];
  try {
    const lines = normalize(text);
    const { thread, bodyLines } = parseLines(lines, warnings);
    // The content checker's body rules (limits above all) apply to what is written: refuse here, at the scrape's line.
    const problem = firstBodyProblem(thread, bodyLines);
    if (problem) return { ok: false, error: problem };
    return { ok: true, thread, warnings, titleLine: lines.find((l) => l.text !== '')?.n ?? 1 };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: { line: error.line, message: error.message } };
    throw error;
  }
}

/** One entry per source line: spaces collapsed, ends trimmed, chrome blanked. */
function normalize(text: string): Line[] {
  const raw = text.split(/\r\n?|\n/u);
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop(); // the final newline ends the last line
  return raw.map((line, i) => {
    const clean = line.replace(SPACES, ' ').trim();
    return { n: i + 1, text: CHROME.test(clean) ? '' : clean };
  });
}

/** The thread, and for each body the scrape line of each markdown line. */
function parseLines(lines: Line[], warnings: ScrapeWarning[]): { thread: Thread; bodyLines: BodyLines } {
  const end = (lines.at(-1)?.n ?? 0) + 1;
  const template = lines.find((l) => OTHER_TEMPLATE.test(l.text) && !VOTE_TEMPLATE.test(l.text));
  if (template) {
    const found = OTHER_TEMPLATE.exec(template.text)?.[0] ?? '';
    throw new ParseError(
      template.n,
      `expected text or a "{{ voteCount ... }}" line of its own, got the unrendered template ${JSON.stringify(found)}`,
    );
  }
  const titleAt = lines.findIndex((l) => l.text !== '');
  const titleLine = lines[titleAt];
  if (!titleLine) throw new ParseError(1, 'expected the question title on the first line, got an empty scrape');
  const marker = PHOTO_MARKER.exec(titleLine.text);
  const title = marker ? titleLine.text.slice(0, marker.index) : titleLine.text;
  if (title === '') throw new ParseError(titleLine.n, 'expected the question title before the photo marker');
  const slug = slugify(title);
  if (slug === '') throw new ParseError(titleLine.n, 'expected a title with letters or digits to name the file after');

  const countAt = lines.findIndex((l, i) => i > titleAt && (ANSWER_COUNT.test(l.text) || VOTE_TEMPLATE.test(l.text)));
  const countLine = lines[countAt];
  if (!countLine)
    throw new ParseError(end, 'expected "Doctor Answers <number>" after the question, got the end of the scrape');
  const countMatch = ANSWER_COUNT_EXACT.exec(countLine.text);
  if (!countMatch) {
    throw new ParseError(
      countLine.n,
      `expected "Doctor Answers <number>" after the question, got ${JSON.stringify(countLine.text)}`,
    );
  }
  const questionParas = splitParagraphs(lines.slice(titleAt + 1, countAt));
  if (questionParas.length === 0)
    throw new ParseError(countLine.n, 'expected the question text between the title and "Doctor Answers"');

  let rest = lines.slice(countAt + 1);
  const disclaimer = takeDisclaimer(rest);
  if (disclaimer) rest = rest.slice(0, disclaimer.at);

  const starts = rest.flatMap((l, i) => (VOTE_TEMPLATE.test(l.text) ? [i] : []));
  if (starts.length === 0) {
    const first = rest.find((l) => l.text !== '')?.n ?? disclaimer?.line ?? end;
    throw new ParseError(first, 'expected an answer: a headline line, then the "{{ voteCount ... }}" line');
  }
  const headlines = starts.map((s, k) => {
    const h = findLastIndex(rest, (l) => l.text !== '', s - 1);
    const floor = k === 0 ? -1 : (starts[k - 1] ?? -1);
    if (h <= floor)
      throw new ParseError(
        rest[s]?.n ?? end,
        'expected the answer\'s headline on a line before this "{{ voteCount ... }}" line',
      );
    // A headline is a paragraph of its own: otherwise it would be the last line of a doctor block or body.
    const before = rest[h - 1];
    if (h > floor + 1 && before && before.text !== '') {
      throw new ParseError(rest[h]?.n ?? end, "expected a blank line, then the answer's headline on a line of its own");
    }
    return h;
  });
  const stray = rest.slice(0, headlines[0]).find((l) => l.text !== '');
  if (stray)
    throw new ParseError(stray.n, 'expected the first answer\'s headline, then its "{{ voteCount ... }}" line');

  const answers = starts.map((s, k) => {
    const headline = rest[headlines[k] ?? 0]?.text ?? '';
    const region = rest.slice(s + 1, headlines[k + 1] ?? rest.length);
    const next = rest[headlines[k + 1] ?? rest.length]?.n ?? disclaimer?.line ?? end;
    return parseAnswer(headline, region, next, warnings);
  });

  const stated = Number((countMatch[1] ?? '').replace(/,/gu, ''));
  if (stated !== answers.length) {
    warnings.push({
      line: countLine.n,
      message: `the page says "Doctor Answers ${stated}" but ${answers.length} answers were found`,
    });
  }
  const question = bodyMarkdown(questionParas);
  const thread: Thread = {
    slug,
    title,
    question: { body: question.markdown, photo: marker !== null },
    answers: answers.map((a) => a.answer),
    source: { site: SOURCE_SITE },
    ...(disclaimer ? { disclaimer: disclaimer.text } : {}),
  };
  return { thread, bodyLines: { question: question.lines, answers: answers.map((a) => a.lines) } };
}

/** The closing disclaimer: the last paragraph, when it opens like one. It may follow a doctor block without a blank line. */
function takeDisclaimer(lines: Line[]): { at: number; line: number; text: string } | undefined {
  const last = findLastIndex(lines, (l) => l.text !== '', lines.length - 1);
  let start = last;
  while (start > 0 && lines[start - 1]?.text !== '' && !DISCLAIMER_START.test(lines[start]?.text ?? '')) start -= 1;
  if (start < 0 || !DISCLAIMER_START.test(lines[start]?.text ?? '')) return undefined;
  const text = lines
    .slice(start, last + 1)
    .map((l) => l.text)
    .join(' ');
  return { at: start, line: lines[start]?.n ?? 0, text };
}

/**
 * One answer from the lines between its `{{ voteCount }}` line and `next`, the line that follows
 * them, with the scrape line of each line of its markdown body.
 */
function parseAnswer(
  headline: string,
  region: Line[],
  next: number,
  warnings: ScrapeWarning[],
): { answer: Answer; lines: number[] } {
  const paras = splitParagraphs(region);
  const last = paras.at(-1) ?? [];
  const glued = isDoctorBlock(last) ? 0 : gluedDoctorStart(last);
  const doctor = glued === undefined ? undefined : parseDoctor(last.slice(glued), warnings);
  const body = glued === undefined ? paras : [...paras.slice(0, -1), ...(glued > 0 ? [last.slice(0, glued)] : [])];
  if (body.length === 0) {
    throw new ParseError(
      region.find((l) => l.text !== '')?.n ?? next,
      'expected the answer\'s text after its "{{ voteCount ... }}" line',
    );
  }
  const { markdown, lines } = bodyMarkdown(body);
  return { answer: { headline, body: markdown, ...(doctor ? { doctor } : {}) }, lines };
}

/** A paragraph that is a doctor block of its own: it opens with a name and credentials, or is at most three lines ending with a rating. */
function isDoctorBlock(para: Line[]): boolean {
  const rated = RATING.test(para.at(-1)?.text ?? '');
  return para.length > 0 && (splitName(para[0]?.text ?? '') !== undefined || (rated && para.length <= 3));
}

/**
 * Where a doctor block written right under the answer's last line starts: the paragraph ends
 * with "Name, MD" and "<location> <specialty>" (a specialty we know, so plain text is never taken
 * for a place), or with those and a rating line, where the rating vouches for any place line.
 * Undefined when the lines do not all match: the paragraph is then text.
 */
function gluedDoctorStart(para: Line[]): number | undefined {
  const rated = RATING.test(para.at(-1)?.text ?? '');
  const at = para.length - (rated ? 3 : 2);
  const [name, place] = [para[at], para[at + 1]];
  if (at < 1 || !name || !place || splitName(name.text) === undefined || RATING.test(place.text)) return undefined;
  const specialty = knownSpecialty(place.text);
  const hasLocation = specialty.length < place.text.length;
  return hasLocation && (rated || specialty !== '') ? at : undefined;
}

/** "Name, CRED" / "<location> <specialty>" / optional "4.4 out of 5 stars 28 reviews". */
function parseDoctor(para: Line[], warnings: ScrapeWarning[]): Doctor {
  const [nameLine, placeLine, ratingLine, extra] = para;
  if (!nameLine) throw new Error('a paragraph has at least one line');
  const named = splitName(nameLine.text);
  if (!named)
    throw new ParseError(
      nameLine.n,
      'expected the doctor\'s name with credentials after a comma, such as "Jane Doe, MD"',
    );
  if (!placeLine || RATING.test(placeLine.text)) {
    throw new ParseError(
      placeLine?.n ?? nameLine.n + 1,
      'expected the doctor\'s "<location> <specialty>" line after the name',
    );
  }
  const place = splitPlace(placeLine, warnings);
  let rating: Rating | undefined;
  if (ratingLine) {
    const m = RATING.exec(ratingLine.text);
    if (!m)
      throw new ParseError(
        ratingLine.n,
        'expected a rating such as "4.4 out of 5 stars 28 reviews", or a blank line after the doctor',
      );
    const value = Number(m[1]);
    if (value > 5) throw new ParseError(ratingLine.n, `expected a rating from 0 to 5 stars, got ${m[1] ?? ''}`);
    rating = { value, reviews: Number((m[2] ?? '').replace(/,/gu, '')) };
  }
  if (extra) throw new ParseError(extra.n, "expected a blank line after the doctor's rating");
  return { ...named, ...place, ...(rating ? { rating } : {}) };
}

/** "Francis R. Palmer, III, MD" -> name "Francis R. Palmer, III", credentials ["MD"]. */
function splitName(text: string): Pick<Doctor, 'name' | 'credentials'> | undefined {
  const parts = text.split(',').map((p) => p.trim());
  let cut = parts.length;
  while (cut > 1 && CREDENTIALS.has(parts[cut - 1] ?? '')) cut -= 1;
  const name = parts.slice(0, cut).join(', ');
  if (cut === parts.length || name === '' || parts.slice(0, cut).some((p) => p === '')) return undefined;
  return { name, credentials: parts.slice(cut) };
}

/** "Beverly Hills Facial Plastic Surgeon" -> location and the longest known specialty at its end. */
function splitPlace(line: Line, warnings: ScrapeWarning[]): Pick<Doctor, 'location' | 'specialty'> {
  const longest = knownSpecialty(line.text);
  if (longest === '') {
    warnings.push({
      line: line.n,
      message: `no known specialty at the end of ${JSON.stringify(line.text)}; the whole line is kept as the location`,
    });
    return { location: line.text };
  }
  const location = line.text.slice(0, line.text.length - longest.length).trim();
  if (location === '')
    throw new ParseError(line.n, `expected a location before the specialty ${JSON.stringify(line.text)}`);
  return { location, specialty: longest };
}

/** The longest known specialty at the end of a place line, as the source wrote it; '' when there is none. */
function knownSpecialty(text: string): string {
  const lower = text.toLowerCase();
  const known = SPECIALTIES.filter((s) => lower === s.toLowerCase() || lower.endsWith(` ${s.toLowerCase()}`));
  const longest = known.reduce((a, b) => (b.length > a.length ? b : a), '');
  return text.slice(text.length - longest.length);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean, from: number): number {
  for (let i = Math.min(from, items.length - 1); i >= 0; i -= 1) if (test(items[i] as T)) return i;
  return -1;
}

/** URL name from a title: lowercase a-z and 0-9 in words joined by single hyphens, cut at a word boundary. */
export function slugify(title: string): string {
  const words = slugWords(title).split('-').filter(Boolean); // "Café" -> "cafe"
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) return slug === '' ? word.slice(0, SLUG_MAX) : slug;
    slug = next;
  }
  return slug;
}
