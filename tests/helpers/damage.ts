/**
 * Damaged copies of good texts, for tests that compare a quick path with the full one: each copy
 * gets one to three random changes, an inserted piece or a cut of one to three characters. The
 * seed fixes the copies, so every run tests the same ones.
 */
import { prng } from '../../bench/generate';

export function damagedCopies(
  bases: readonly string[],
  pieces: readonly string[],
  count: number,
  seed: number,
): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, () => {
    let text = pick(bases);
    for (let changes = 1 + Math.floor(random() * 3); changes > 0; changes -= 1) {
      const at = Math.floor(random() * text.length);
      text =
        random() < 0.2
          ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3))
          : text.slice(0, at) + pick(pieces) + text.slice(at);
    }
    return text;
  });
}
