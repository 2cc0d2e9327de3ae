// What a reader copies out of a PDF: the ToUnicode map of each embedded font, glyph by glyph.
//
// PDFKit 0.20 writes one copy-text per subset glyph, taken from `glyph.codePoints` of the first glyph
// object it encodes, and fontkit hands out one cached glyph object per glyph id for the life of the font.
// Three defects follow, fixed here:
// - shared state: fontkit's subsetter asks for composite glyphs' components without characters, so a glyph
//   first met that way (the hyphen, inside a Persian report's subset) is cached with no copy-text, and
//   every later document sharing the font (pdf/fonts.ts) extracts it as nothing: "customer centric".
//   Here the copy-text comes from the characters of each layout, never from what the cache saw first.
// - ZWNJ: fontkit draws default-ignorable characters as the space glyph at zero advance, so U+200C reads
//   back as a space. Here that glyph keeps U+200C as its copy-text.
// - one glyph, two texts: the space glyph is also the ZWNJ, and ")" drawn in an RTL run is a mirrored "("
//   (shaping.ts). PDF maps a glyph code to one text, so each (glyph, copy-text) pair gets its own code: the
//   glyph is written into the subset once more, identical but for its entry in the ToUnicode map.
//
// PDFKit and fontkit internals relied on (pdfkit is pinned; test/reports/textLayer.test.ts would fail):
// `doc._font` (EmbeddedFont) with `font`, `subset`, `unicode`, `widths`, `scale`, `layout`, `encode`;
// fontkit's `getGlyph(id, characters)` and the `_layoutEngine.hideDefaultIgnorables(glyphs, positions)` step.

interface Glyph {
  readonly id: number;
  readonly codePoints: number[];
  readonly advanceWidth: number;
}

interface LayoutEngine {
  hideDefaultIgnorables(glyphs: Glyph[], positions: { xAdvance: number; yAdvance: number }[]): void;
  isDefaultIgnorable(codePoint: number): boolean;
}

interface FontkitFont {
  getGlyph(id: number, characters?: number[]): Glyph;
  glyphForCodePoint(codePoint: number): Glyph;
  _layoutEngine: LayoutEngine;
}

export interface EmbeddedFont {
  font: FontkitFont;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  scale: number;
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
}

const truthful = new WeakSet<object>();
const exact = new WeakSet<object>();

/** The glyph with `codePoints` as its copy-text; fontkit's shared glyph object itself is never changed. */
export function withCopyText<G extends Glyph>(glyph: G, codePoints: number[]): G {
  if (sameCodePoints(glyph.codePoints, codePoints)) return glyph;
  return Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as G;
}

/**
 * Makes a fontkit font report, for every glyph of a layout, the characters that glyph was laid out from
 * (and the ignorable character itself for a hidden ZWNJ), whatever glyph objects its cache already holds.
 * Once per font; the font may be shared by many documents.
 */
export function installTruthfulGlyphs(font: FontkitFont): void {
  if (truthful.has(font)) return;
  truthful.add(font);
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, characters = []) => {
    const glyph = getGlyph(id, characters);
    return glyph && characters.length > 0 ? withCopyText(glyph, characters) : glyph;
  };
  const engine = font._layoutEngine;
  engine.hideDefaultIgnorables = (glyphs, positions) => {
    let space: Glyph | undefined;
    for (let i = 0; i < glyphs.length; i++) {
      if (!engine.isDefaultIgnorable(glyphs[i].codePoints[0])) continue;
      space ??= font.glyphForCodePoint(0x20);
      glyphs[i] = withCopyText(space, glyphs[i].codePoints);
      positions[i].xAdvance = 0;
      positions[i].yAdvance = 0;
    }
  };
}

/**
 * Replaces one document's EmbeddedFont.encode: the same glyph codes and positions, but a glyph that must
 * read back as another text than the one its code already stands for gets a code of its own.
 */
export function installExactEncoding(embedded: EmbeddedFont): void {
  if (exact.has(embedded)) return;
  exact.add(embedded);
  installTruthfulGlyphs(embedded.font);
  // Per document: this font's subset belongs to one PDF.
  const codes = new Map<string, number>();
  embedded.encode = (text, features) => {
    const { glyphs, positions } = embedded.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const key = `${glyph.id}|${glyph.codePoints.join(',')}`;
      let gid = codes.get(key);
      if (gid === undefined) {
        gid = embedded.subset.includeGlyph(glyph.id);
        const taken = embedded.unicode[gid];
        if (taken != null && !sameCodePoints(taken, glyph.codePoints)) {
          embedded.subset.glyphs.push(glyph.id);
          gid = embedded.subset.glyphs.length - 1;
        }
        embedded.widths[gid] ??= glyph.advanceWidth * embedded.scale;
        embedded.unicode[gid] ??= glyph.codePoints;
        codes.set(key, gid);
      }
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [encoded, positions];
  };
}

function sameCodePoints(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
