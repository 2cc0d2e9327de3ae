import { createRequire } from 'node:module';
import path from 'node:path';
import type { PdfDoc } from './pdfkit-types.js';
import { installExactEncoding, type EmbeddedFont } from './copyText.js';
import { installDirectionalLayout, type FontkitFont } from './shaping.js';

export type FontWeight = 'regular' | 'bold';

export const FONT_NAMES: Readonly<Record<FontWeight, string>> = {
  regular: 'Vazirmatn',
  bold: 'Vazirmatn-Bold',
};

const FONT_FILES: Readonly<Record<FontWeight, string>> = {
  regular: 'Vazirmatn-Regular.ttf',
  bold: 'Vazirmatn-Bold.ttf',
};

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json')),
  'fonts',
  'ttf',
);

/** Absolute path of a Vazirmatn TTF; also used by the chart renderer. */
export function vazirmatnPath(weight: FontWeight): string {
  return path.join(fontDir, FONT_FILES[weight]);
}

/** Registers Vazirmatn Regular and Bold under FONT_NAMES. The built-in PDF fonts cannot shape Persian. */
export function registerFonts(doc: PdfDoc): void {
  for (const weight of ['regular', 'bold'] as const) {
    doc.registerFont(FONT_NAMES[weight], vazirmatnPath(weight));
  }
  installExactCopyText(doc);
}

/**
 * Prepares both registered weights of a document so that everything drawn in them copies out exactly as
 * typed (copyText.ts), including text drawn with plain `doc.text`.
 */
export function installExactCopyText(doc: PdfDoc): void {
  const internals = doc as unknown as DocumentInternals;
  const current = internals._font;
  for (const weight of ['regular', 'bold'] as const) {
    doc.font(FONT_NAMES[weight]);
    if (internals._font) installExactEncoding(internals._font as unknown as EmbeddedFont);
  }
  // Selecting the fonts was only a means: the current font stays what it was.
  internals._font = current;
}

interface DocumentInternals {
  _font?: { font?: FontkitFont } | null;
}

/** Selects a registered weight and makes sure its fontkit font accepts directional shaping. */
export function useFont(doc: PdfDoc, weight: FontWeight, size: number): void {
  doc.font(FONT_NAMES[weight]).fontSize(size);
  const fontkitFont = (doc as unknown as DocumentInternals)._font?.font;
  if (typeof fontkitFont?.layout !== 'function') {
    throw new Error(`font ${FONT_NAMES[weight]} is not an embedded TrueType font; call registerFonts(doc) first`);
  }
  installDirectionalLayout(fontkitFont);
  installExactEncoding((doc as unknown as { _font: EmbeddedFont })._font);
}
