/**
 * Bytes of a content file to text, refusing anything that would render as U+FFFD or hide
 * characters: one UTF-8 byte-order mark is allowed and dropped; line endings become `\n`.
 */
import { isUtf8 } from 'node:buffer';

/** Where a problem sits, 1-based. */
export type At = { line: number; col: number; message: string };

export type Decoded = { ok: true; text: string } | { ok: false; problem: At };

const utf8 = new TextDecoder('utf-8');

/** Decodes and normalizes a content file, or says which line is broken and why. */
export function decodeContent(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(1, 1, 'the file is UTF-16; save it as UTF-8');
  }
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes); // the native check is fast; ours finds the spot
  if (bad !== -1) {
    const { line, col } = positionOfByte(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return fail(line, col, `byte 0x${byte} is not UTF-8 (the file may be Windows-1252 or Latin-1); save the file as UTF-8`);
  }
  let text = utf8.decode(bytes); // TextDecoder drops one leading BOM by itself.
  if (text.startsWith('\ufeff')) return fail(1, 1, 'the file starts with two byte-order marks; remove the extra one');
  text = text.replace(/\r\n?/gu, '\n');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const { line, col } = positionOfChar(text, nul);
    return fail(line, col, 'NUL byte: the file looks binary or UTF-16; save it as UTF-8 text');
  }
  const replacement = text.indexOf('\ufffd');
  if (replacement !== -1) {
    const { line, col } = positionOfChar(text, replacement);
    return fail(line, col, 'replacement character U+FFFD: the text was damaged by an earlier encoding conversion; restore the original character');
  }
  return { ok: true, text };
}

/** 1-based line and column of a UTF-16 index in normalized text. */
export function positionOfChar(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, col: index - start + 1 };
}

function fail(line: number, col: number, message: string): Decoded {
  return { ok: false, problem: { line, col, message } };
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i += 1) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, col: utf8.decode(bytes.subarray(start, offset)).replace(/^\ufeff/u, '').length + 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
