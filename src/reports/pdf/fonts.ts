import PDFDocument from 'pdfkit';
import { FONT_NAMES, installExactCopyText, registerFonts, type FontWeight } from '../text/index.js';
import type { PdfDoc } from '../text/pdfkit-types.js';
import { copyPosition, ShapedRun, type FontkitRun } from '../text/shaping.js';

// Vazirmatn, parsed once and shared by the reports a process renders.
//
// Registered by path, every document re-reads and re-parses both TTFs and shapes every word afresh
// (PDFKit caches word layouts per document only): most of a report's drawing time. PDFKit 0.20 also
// accepts an opened fontkit font in registerFont, and subsets per document either way, so sharing the
// font object is safe. Word layouts PDFKit asks for without features (it measures word by word) are
// cached here; the directional layouts of the text module are cached on the same font object. Both
// caches grow with the distinct strings drawn, so the fonts are reopened every RECYCLE_AFTER reports.

const RECYCLE_AFTER = 50;

interface FontkitFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): FontkitRun;
}

let shared: { fonts: Record<FontWeight, FontkitFont>; uses: number } | undefined;

/** Registers Vazirmatn Regular and Bold under the text module's names, from the shared fonts. */
export function registerReportFonts(doc: PdfDoc): void {
  if (!shared || shared.uses >= RECYCLE_AFTER) shared = { fonts: { regular: open('regular'), bold: open('bold') }, uses: 0 };
  shared.uses++;
  for (const weight of ['regular', 'bold'] as const) doc.registerFont(FONT_NAMES[weight], shared.fonts[weight] as never);
  // Sharing the fonts must not share what the text copies out as: each document keeps its own map.
  installExactCopyText(doc);
}

function open(weight: FontWeight): FontkitFont {
  // The fontkit font PDFKit opens for a registered path; pdfkit is the dependency that brings fontkit.
  const probe = new PDFDocument({ autoFirstPage: false });
  registerFonts(probe);
  probe.font(FONT_NAMES[weight]);
  const font = (probe as unknown as { _font: { font: FontkitFont } })._font.font;
  cacheWordLayouts(font);
  return font;
}

function cacheWordLayouts(font: FontkitFont): void {
  const original = font.layout.bind(font);
  const cache = new Map<string, FontkitRun>();
  font.layout = (text, features, ...rest) => {
    if (features !== undefined && features !== null) return original(text, features, ...rest);
    let run = cache.get(text);
    if (!run) {
      const shaped = original(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map(copyPosition) };
      cache.set(text, run);
    }
    return new ShapedRun(run.glyphs, run.positions.map(copyPosition));
  };
}
