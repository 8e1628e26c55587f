/**
 * An update written as the smallest edit of the file's text: each field the merge changed is
 * rewritten where it stands, a field added goes after its group's last line, an answer added goes
 * between the answers around it, and every other character of the file stays as the keeper left it
 * (their comments, their layout, the order of their keys). It reads the positions the YAML parser
 * gives each node; a layout it cannot edit this way (an answer list in another order, a group
 * written on one line) gives undefined, and the caller rewrites the front matter instead.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Answer, Thread } from '../content/schema';
import { RECORD_COMMENT } from './record';

/** One replacement of the text from `start` to `end`. */
type Edit = { start: number; end: number; text: string };

/** The importer's layout for a value under `key`: bodies literal, the disclaimer folded, credentials and ratings on one line. */
export function styleNode(key: string, node: unknown): void {
  if (key === 'body' && isScalar(node)) node.type = Scalar.BLOCK_LITERAL;
  if (key === 'disclaimer' && isScalar(node)) node.type = Scalar.BLOCK_FOLDED;
  if ((key === 'credentials' || key === 'topics') && isSeq(node)) node.flow = true;
  if (key === 'rating' && isMap(node)) node.flow = true;
  if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) styleNode(String(pair.key.value), pair.value);
}

/** `text`'s lines after the first, indented by `col` more (blank lines stay blank). */
const indent = (text: string, col: number) => text.replace(/\n(?=[^\n])/gu, `\n${' '.repeat(col)}`);

/**
 * `key: value` as the importer writes it, for a key at column `col`; ends with a line break. Topics
 * take one line whatever their length (the writer would break a long flow list over many lines),
 * each name plain when it reads back as the same text, otherwise in quotes.
 */
export function pairText(key: string, value: unknown, col: number): string {
  const doc = new Document({ [key]: value }, { version: '1.2' });
  const root = doc.contents;
  if (isMap(root)) for (const pair of root.items) styleNode(key, pair.value);
  const options = key === 'topics' ? { lineWidth: 0, flowCollectionPadding: false } : { lineWidth: 80 };
  return indent(doc.toString(options), col);
}

/** An answer as an item of the answers list whose `- ` is at column `col`; ends with a line break. */
function itemText(answer: Answer, col: number): string {
  const doc = new Document([answer], { version: '1.2' });
  const seq = doc.contents;
  if (isSeq(seq)) for (const item of seq.items) styleNode('', item);
  return indent(doc.toString({ lineWidth: 80 }), col);
}

/** Edits a front matter text; see the module's comment. */
class Patch {
  readonly edits: Edit[] = [];
  ok = true;
  constructor(readonly src: string) {}

  lineStart(pos: number): number {
    return this.src.lastIndexOf('\n', pos - 1) + 1;
  }

  /** The end of the line `pos` is on, after its line break; `pos` itself when it follows one. */
  lineEnd(pos: number): number {
    if (pos > 0 && this.src[pos - 1] === '\n') return pos;
    const at = this.src.indexOf('\n', pos);
    return at === -1 ? this.src.length : at + 1;
  }

  /** The column of `pos`, when only spaces come before it on its line; else the layout is not ours to edit. */
  column(pos: number): number {
    const start = this.lineStart(pos);
    if (!/^ *$/u.test(this.src.slice(start, pos))) this.ok = false;
    return pos - start;
  }

  /** The text a pair takes, from its key to the end of its value's last line. */
  span(pair: Pair): [number, number] | undefined {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!key?.range || !value?.range) return undefined;
    return [key.range[0], this.lineEnd(value.range[1])];
  }

  edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  /** Sets `key` of `map` from `before` to `after`: replaced where it is, added after the map's last line, or removed. */
  set(map: YAMLMap, key: string, before: unknown, after: unknown): void {
    if (isDeepStrictEqual(before, after)) return;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const at = pair ? this.span(pair) : undefined;
    if (pair && !at) this.ok = false;
    if (after === undefined) {
      if (!at) return;
      this.column(at[0]); // a key behind anything but spaces (`- votes: 3`) is not ours to remove
      this.edit(this.lineStart(at[0]), at[1], '');
      return;
    }
    if (at) {
      this.edit(at[0], at[1], pairText(key, after, this.column(at[0])));
      return;
    }
    const last = map.items.at(-1);
    const lastAt = last ? this.span(last) : undefined;
    if (!last || !lastAt) {
      this.ok = false;
      return;
    }
    const col = this.column(lastAt[0]);
    this.edit(lastAt[1], lastAt[1], `${' '.repeat(col)}${pairText(key, after, col)}`);
  }

  /** One answer's fields, from the file's answer to the merged one. */
  answer(item: YAMLMap, before: Answer, after: Answer): void {
    this.set(item, 'headline', before.headline, after.headline);
    this.set(item, 'body', before.body, after.body);
    this.set(item, 'votes', before.votes, after.votes);
    const doctor = item.get('doctor', true);
    if (!before.doctor || !after.doctor || !isMap(doctor)) {
      this.set(item, 'doctor', before.doctor, after.doctor);
      return;
    }
    for (const key of ['name', 'credentials', 'location', 'specialty', 'rating'] as const) {
      this.set(doctor, key, before.doctor[key], after.doctor[key]);
    }
  }

  /** The answers list, each kept answer edited where it is, new ones inserted among them, those gone removed. */
  answers(seq: YAMLSeq, here: readonly Answer[], merged: readonly Answer[], origin: readonly (number | null)[]): void {
    const kept = origin.filter((o): o is number => o !== null);
    if (kept.some((o, k) => k > 0 && o <= (kept[k - 1] ?? -1)) || kept.length === 0) {
      this.ok = false; // reordered, or no answer left to place new ones by: not an edit in place
      return;
    }
    const items = seq.items.map((node) => (isMap(node) && node.range ? node : undefined));
    if (items.some((i) => i === undefined)) {
      this.ok = false;
      return;
    }
    const range = (i: number) => items[i]?.range ?? [0, 0, 0];
    const dash = (i: number) => this.lineStart(range(i)[0]);
    const col = this.column(dash(0) + (this.src.slice(dash(0)).search(/-/u) ?? 0));
    // Answers gone from the merge: their lines go, with the blank line after (or, for the last, before) them.
    here.forEach((_, i) => {
      if (kept.includes(i)) return;
      if (i + 1 < here.length) this.edit(dash(i), dash(i + 1), '');
      else if (i > 0) this.edit(range(i - 1)[1], range(i)[1], '');
      else this.ok = false;
    });
    merged.forEach((answer, k) => {
      const from = origin[k];
      const before = from === null || from === undefined ? undefined : here[from];
      const item = from === null || from === undefined ? undefined : items[from];
      if (before && item) return this.answer(item, before, answer);
      // A new answer: before the next answer that stays, or after the last.
      const next = origin.slice(k + 1).find((o): o is number => o !== null);
      const text = itemText(answer, col);
      if (next !== undefined) this.edit(dash(next), dash(next), `${text}\n`);
      else this.edit(range(kept.at(-1) ?? 0)[1], range(kept.at(-1) ?? 0)[1], `\n${text}`);
    });
  }

  /** The text with every edit made; undefined when one overlaps another or the layout was not ours. */
  result(): string | undefined {
    if (!this.ok) return undefined;
    // Stable by start: insertions at one place keep the order they were made in.
    const edits = this.edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
    let out = '';
    let at = 0;
    for (const e of edits) {
      if (e.start < at) return undefined;
      out += this.src.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.src.slice(at);
  }
}

/**
 * The front matter text `front` (of a file whose thread is `here`) edited to hold `merged`, the
 * import record aside (the caller writes it); `origin` says which of the file's answers each
 * merged answer continues. Undefined when the layout is not one this can edit in place.
 */
export function patchFrontMatter(
  front: string,
  here: Thread,
  merged: Thread,
  origin: readonly (number | null)[],
): string | undefined {
  const doc = parseDocument(front, { version: '1.2' });
  const root = doc.contents;
  if (!isMap(root) || doc.errors.length > 0) return undefined;
  const patch = new Patch(front);
  const pairOf = (key: string) => root.items.find((p) => isScalar(p.key) && p.key.value === key);

  patch.set(root, 'title', here.title, merged.title);
  if (!isDeepStrictEqual(here.topics, merged.topics)) {
    const topics = pairOf('topics');
    const title = pairOf('title');
    const titleAt = title ? patch.span(title) : undefined;
    if (topics || merged.topics === undefined) patch.set(root, 'topics', here.topics, merged.topics);
    else if (titleAt) patch.edit(titleAt[1], titleAt[1], pairText('topics', merged.topics, 0));
    else return undefined;
  }

  const { body: _hereBody, ...hereQuestion } = here.question;
  const { body: _mergedBody, ...mergedQuestion } = merged.question;
  const questionPair = pairOf('question');
  if (!isDeepStrictEqual(hereQuestion, mergedQuestion)) {
    const shown = {
      ...(mergedQuestion.photo ? { photo: true } : {}),
      ...(mergedQuestion.date === undefined ? {} : { date: mergedQuestion.date }),
    };
    const question = questionPair?.value;
    if (!questionPair || !isMap(question) || Object.keys(shown).length === 0) {
      patch.set(
        root,
        'question',
        questionPair ? hereQuestion : undefined,
        Object.keys(shown).length === 0 ? undefined : shown,
      );
    } else {
      const photo = question.get('photo');
      patch.set(
        question,
        'photo',
        photo === undefined ? undefined : here.question.photo,
        mergedQuestion.photo ? true : undefined,
      );
      patch.set(question, 'date', here.question.date, mergedQuestion.date);
    }
  }

  const source = pairOf('source')?.value;
  if (!isMap(source)) return undefined;
  patch.set(source, 'site', here.source.site, merged.source.site);
  patch.set(source, 'url', here.source.url, merged.source.url);
  patch.set(root, 'disclaimer', here.disclaimer, merged.disclaimer);

  const answers = pairOf('answers')?.value;
  if (!isSeq(answers)) return undefined;
  patch.answers(answers, here.answers, merged.answers, origin);

  // The old record goes, with the importer's comment above it; the caller writes the new one.
  const record = pairOf('imported');
  const recordAt = record ? patch.span(record) : undefined;
  if (record && !recordAt) return undefined;
  if (recordAt) {
    const start = patch.lineStart(recordAt[0]);
    const comment = front.lastIndexOf(`\n${RECORD_COMMENT.split('\n')[0] ?? ''}`, start - 1);
    patch.edit(
      comment !== -1 && !/\n[^#\n]/u.test(front.slice(comment + 1, start)) ? comment + 1 : start,
      recordAt[1],
      '',
    );
  }
  return patch.result();
}
