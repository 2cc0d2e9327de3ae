import { createRequire } from 'node:module';
import type { EmbeddingLevels } from 'bidi-js';
import type { Direction } from './shaping.js';

// bidi-js is UMD: require() returns the factory itself, whereas its types describe an ES default export.
const bidiFactory: typeof import('bidi-js').default = createRequire(import.meta.url)('bidi-js');
const bidi = bidiFactory();

/** A piece of one line with one embedding level, its text in logical order, ready to shape. */
export interface VisualRun {
  text: string;
  direction: Direction;
}

// Explicit direction controls have done their job once levels are resolved; Vazirmatn has no glyph
// for them, so shaping them would draw .notdef boxes.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The character's mirror image (`(` for `)`, `«` for `»`), or null when it has none. */
export function mirrorOf(char: string): string | null {
  return bidi.getMirroredCharacter(char);
}

export function paragraphLevels(text: string, direction: Direction): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, direction);
}

/**
 * Runs of paragraph[start, end) in visual order, left to right. Each run is contiguous in the text and
 * has one level; RTL runs get their brackets mirrored (the map needs `levels.levels`: given the whole
 * result object it silently finds nothing).
 */
export function visualRuns(text: string, levels: EmbeddingLevels, start: number, end: number): VisualRun[] {
  if (end <= start) return [];
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  for (const [a, b] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    reverse(order, a - start, b - start);
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);

  const runs: VisualRun[] = [];
  let k = 0;
  while (k < order.length) {
    const level = levels.levels[order[k]];
    const step = level & 1 ? -1 : 1;
    let j = k + 1;
    while (j < order.length && levels.levels[order[j]] === level && order[j] === order[j - 1] + step) j++;
    const from = Math.min(order[k], order[j - 1]);
    const to = Math.max(order[k], order[j - 1]);
    let runText = '';
    for (let i = from; i <= to; i++) runText += mirrored.get(i) ?? text[i];
    runText = runText.replace(BIDI_CONTROLS, '');
    if (runText) runs.push({ text: runText, direction: step < 0 ? 'rtl' : 'ltr' });
    k = j;
  }
  return runs;
}

function reverse(a: number[], i: number, j: number): void {
  for (; i < j; i++, j--) [a[i], a[j]] = [a[j], a[i]];
}
