// Directional shaping on top of PDFKit 0.20's embedded fonts.
//
// PDFKit has no `direction` option: it calls `font.layout(text, features)` on the fontkit font and lets
// fontkit guess the direction from the script, which is wrong for Persian digits (reversed) and for
// punctuation-only runs. PDFKit does hand `features` through untouched, and any array — even an empty
// one — makes it shape the string as a single run. So a run's direction travels to our wrapper as an
// empty features array tagged with the direction; untagged calls go to fontkit unchanged.
//
// PDFKit internals relied on (pin pdfkit, keep test/reports/text.test.ts):
// - `doc._font` is the current EmbeddedFont and `doc._font.font` its fontkit font;
// - EmbeddedFont.layout(text, features) calls `this.font.layout(text, features)` when features is set,
//   then scales every own key of each position in place (so cached positions must be copied per call);
// - EmbeddedFont.encode records `glyph.codePoints` as the glyph's copy-text the first time it is seen.

import { mirrorOf } from './bidi.js';
import { withCopyText } from './copyText.js';

export type Direction = 'ltr' | 'rtl';

const DIRECTION = Symbol('mehvar.text.direction');

type TaggedFeatures = readonly string[] & { readonly [DIRECTION]: Direction };

function tagged(direction: Direction): TaggedFeatures {
  return Object.freeze(Object.assign([] as string[], { [DIRECTION]: direction }));
}

/** Pass as `features` to `doc.text` / `doc.widthOfString` to shape the string in that direction. */
export const directionalFeatures: Readonly<Record<Direction, TaggedFeatures>> = {
  ltr: tagged('ltr'),
  rtl: tagged('rtl'),
};

export interface Glyph {
  readonly id: number;
  readonly codePoints: number[];
  readonly advanceWidth: number;
}

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface FontkitRun {
  glyphs: Glyph[];
  positions: Position[];
}

type Layout = (text: unknown, features?: unknown, ...rest: unknown[]) => FontkitRun;

export interface FontkitFont {
  layout: Layout;
}

/** What PDFKit expects back from `font.layout`: glyphs, positions it may mutate, a summing advanceWidth. */
export class ShapedRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

const installed = new WeakSet<object>();

/** Wraps `font.layout` once per fontkit font (each PDF document opens its own). */
export function installDirectionalLayout(font: FontkitFont): void {
  if (installed.has(font)) return;
  installed.add(font);
  const original = font.layout.bind(font);
  // Unbounded, but it lives and dies with the document that owns the font.
  const cache = new Map<string, FontkitRun>();

  font.layout = (text, features, ...rest) => {
    const direction = (features as Partial<TaggedFeatures> | undefined)?.[DIRECTION];
    if (direction === undefined || typeof text !== 'string') return original(text, features, ...rest);
    const key = direction + text;
    let run = cache.get(key);
    if (!run) {
      const shaped = original(text, [], undefined, undefined, direction);
      run = {
        glyphs: direction === 'rtl' ? shaped.glyphs.map((g) => reverseLigatureCopyText(logicalBracket(g))) : shaped.glyphs,
        positions: shaped.positions.map(copyPosition),
      };
      cache.set(key, run);
    }
    return new ShapedRun(run.glyphs, run.positions.map(copyPosition));
  };
}

/** PDFKit scales positions in place, so every layout handed out gets its own copies. */
export function copyPosition(p: Position): Position {
  return { xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
}

// Text extractors read an RTL line's glyphs right to left and then reverse each glyph's copy-text along
// with the rest, so a ligature (lam-alef: ل + ا) must store its code points reversed or "بالاترین"
// comes back as "باالترین". The glyph object is fontkit's shared one, so shadow it instead of mutating.
function reverseLigatureCopyText(glyph: Glyph): Glyph {
  if (glyph.codePoints.length < 2) return glyph;
  return Object.create(glyph, { codePoints: { value: [...glyph.codePoints].reverse() } }) as Glyph;
}

// Every bracket and guillemet of an RTL run was mirrored before shaping (bidi.ts: "(" is drawn with the
// ")" glyph), so its copy-text is the mirror of what it is drawn with: the character that was typed.
function logicalBracket(glyph: Glyph): Glyph {
  if (glyph.codePoints.length !== 1) return glyph;
  const mirror = mirrorOf(String.fromCodePoint(glyph.codePoints[0]));
  return mirror ? withCopyText(glyph, [mirror.codePointAt(0)!]) : glyph;
}
