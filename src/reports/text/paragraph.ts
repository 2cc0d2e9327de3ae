import { breakLines } from './breaking.js';
import { paragraphLevels, visualRuns, type VisualRun } from './bidi.js';
import type { ColorValue, OpenTypeFeatures, PdfDoc } from './pdfkit-types.js';
import { useFont, type FontWeight } from './fonts.js';
import { directionalFeatures, type Direction } from './shaping.js';

export interface ParagraphOptions {
  x: number;
  y: number;
  width: number;
  direction: Direction;
  /** `start` is the right edge for rtl, the left edge for ltr. */
  align: 'start' | 'end' | 'center' | 'justify';
  font: FontWeight;
  size: number;
  color?: ColorValue;
  /** Extra space between lines, in points. */
  lineGap?: number;
}

export interface ParagraphLine {
  /** The line's text in logical order, without trailing spaces. */
  text: string;
  width: number;
}

export interface ParagraphLayout {
  height: number;
  lines: ParagraphLine[];
}

interface LaidOutLine extends ParagraphLine {
  runs: VisualRun[];
  runWidths: number[];
  /** Last line of a hard-broken paragraph: never justified. */
  last: boolean;
}

const GAP = /([ \t]+)/;

/** Lays the paragraph out without drawing: for tables and page breaks. Sets the font and size. */
export function measureParagraph(
  doc: PdfDoc,
  text: string,
  opts: Omit<ParagraphOptions, 'x' | 'y'>,
): ParagraphLayout {
  const lines = layout(doc, text, opts);
  return { height: heightOf(doc, lines.length, opts), lines: lines.map(({ text, width }) => ({ text, width })) };
}

/**
 * Draws a paragraph with bidi-correct line order, shaping and alignment. Lines are broken in logical
 * order, reordered per line, and every run is drawn on its own with `lineBreak: false`, so PDFKit's own
 * wrapping and word order never apply. Leaves `doc.x` at `x` and `doc.y` below the paragraph.
 */
export function drawParagraph(doc: PdfDoc, text: string, opts: ParagraphOptions): ParagraphLayout {
  const lines = layout(doc, text, opts);
  if (opts.color !== undefined) doc.fillColor(opts.color);
  const step = doc.currentLineHeight(true) + (opts.lineGap ?? 0);
  lines.forEach((line, n) => drawLine(doc, line, opts, opts.y + n * step));
  const height = heightOf(doc, lines.length, opts);
  doc.x = opts.x;
  doc.y = opts.y + height;
  return { height, lines: lines.map(({ text, width }) => ({ text, width })) };
}

function heightOf(doc: PdfDoc, lineCount: number, opts: Pick<ParagraphOptions, 'lineGap'>): number {
  if (lineCount === 0) return 0;
  return lineCount * doc.currentLineHeight(true) + (lineCount - 1) * (opts.lineGap ?? 0);
}

// Line breaks and run widths depend only on the text, the font, its size, the width and the direction, and
// a report thread draws the same item texts, recommendations and headings report after report: laying
// them out once saves the breaking, bidi and measuring of each later report. Bounded; the oldest go first.
const laidOut = new Map<string, LaidOutLine[]>();
const LAID_OUT_MAX = 4000;

function layout(doc: PdfDoc, text: string, opts: Omit<ParagraphOptions, 'x' | 'y'>): LaidOutLine[] {
  useFont(doc, opts.font, opts.size);
  if (text === '') return [];
  const key = `${opts.font}\u0000${opts.size}\u0000${opts.width}\u0000${opts.direction}\u0000${text}`;
  const known = laidOut.get(key);
  if (known) return known;
  const out = layoutAfresh(doc, text, opts);
  if (laidOut.size >= LAID_OUT_MAX) laidOut.delete(laidOut.keys().next().value!);
  laidOut.set(key, out);
  return out;
}

function layoutAfresh(doc: PdfDoc, text: string, opts: Omit<ParagraphOptions, 'x' | 'y'>): LaidOutLine[] {
  const out: LaidOutLine[] = [];
  for (const para of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const levels = paragraphLevels(para, opts.direction);
    const runsOf = (start: number, end: number) => visualRuns(para, levels, start, end);
    const measure = {
      text: (s: string) => doc.widthOfString(s),
      range: (start: number, end: number) => sum(runsOf(start, end).map((r) => runWidth(doc, r.text, r.direction))),
    };
    const ranges = para ? breakLines(para, opts.width, measure) : [{ start: 0, end: 0 }];
    ranges.forEach(({ start, end }, n) => {
      const runs = runsOf(start, end);
      const runWidths = runs.map((r) => runWidth(doc, r.text, r.direction));
      out.push({ text: para.slice(start, end), width: sum(runWidths), runs, runWidths, last: n === ranges.length - 1 });
    });
  }
  return out;
}

function drawLine(doc: PdfDoc, line: LaidOutLine, opts: ParagraphOptions, y: number): void {
  const free = opts.width - line.width;
  const rtl = opts.direction === 'rtl';
  if (opts.align === 'justify' && !line.last) {
    drawJustified(doc, line, opts.x, y, free);
    return;
  }
  const alignRight = opts.align === 'end' ? !rtl : opts.align !== 'center' && rtl;
  let x = opts.x + (opts.align === 'center' ? free / 2 : alignRight ? free : 0);
  line.runs.forEach((run, i) => {
    drawRun(doc, run.text, run.direction, x, y);
    x += line.runWidths[i];
  });
}

/** Splits every run at its spaces and shares the free width among the gaps. */
function drawJustified(doc: PdfDoc, line: LaidOutLine, x: number, y: number, free: number): void {
  const pieces = line.runs.flatMap((run) => {
    const parts = run.text.split(GAP).filter(Boolean);
    if (run.direction === 'rtl') parts.reverse();
    return parts.map((text) => ({ text, direction: run.direction, gap: GAP.test(text) }));
  });
  const gaps = pieces.filter((p) => p.gap).length;
  const extra = gaps > 0 ? Math.max(0, free) / gaps : 0;
  for (const piece of pieces) {
    const width = runWidth(doc, piece.text, piece.direction);
    if (!piece.gap) drawRun(doc, piece.text, piece.direction, x, y);
    x += width + (piece.gap ? extra : 0);
  }
}

function runWidth(doc: PdfDoc, text: string, direction: Direction): number {
  return doc.widthOfString(text, { features: directionalFeatures[direction] as unknown as OpenTypeFeatures[] });
}

function drawRun(doc: PdfDoc, text: string, direction: Direction, x: number, y: number): void {
  doc.text(text, x, y, {
    lineBreak: false,
    features: directionalFeatures[direction] as unknown as OpenTypeFeatures[],
  });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
