import type { DirectedText, TextDirection } from '../model/types.js';
import { drawParagraph, measureParagraph, type FontWeight } from '../text/index.js';
import type { ColorValue, PdfDoc } from '../text/pdfkit-types.js';
import { ChartPlacer } from './chartImage.js';
import { palette } from './palette.js';

// A4 in points. Every page is laid out by hand (the document has no margins of its own, so PDFKit never
// breaks a page by itself): a header band, the content box, a footer band.
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { side: 48, top: 70, bottom: 62 } as const;
export const CONTENT = {
  left: MARGIN.side,
  right: PAGE.width - MARGIN.side,
  width: PAGE.width - 2 * MARGIN.side,
  top: MARGIN.top,
  bottom: PAGE.height - MARGIN.bottom,
} as const;
export const HEADER = { y: 30, ruleY: 50 } as const;
export const FOOTER = { y: PAGE.height - 40 } as const;

export const SIZE = { title: 18, heading: 13, subheading: 11, body: 10, small: 8.5, tiny: 7.5 } as const;
export const GAP = { line: 2, paragraph: 6, block: 14 } as const;

// Measurements depend only on the text, the box and Vazirmatn's metrics, and most strings (questionnaire
// items, headings) recur in every report, so they are remembered across reports. Cleared whole when
// full, which keeps it bounded without bookkeeping.
const MEASURED_MAX = 20_000;
const measured = new Map<string, number>();

function remember(key: string, compute: () => number): number {
  let value = measured.get(key);
  if (value === undefined) {
    value = compute();
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(key, value);
  }
  return value;
}

function keyOf(o: { direction: string; align: string; font: string; size: number; lineGap: number }): string {
  return `${o.direction}|${o.align}|${o.font}|${o.size}|${o.lineGap}`;
}

export interface TextStyle {
  size?: number;
  font?: FontWeight;
  color?: ColorValue;
  /** Direction of this text when it differs from the report's (a Persian quote in English). */
  dir?: TextDirection;
  align?: 'start' | 'end' | 'center';
  lineGap?: number;
}

/**
 * The page cursor and the report's reading direction. `x` offsets are measured from the start side (the
 * right edge in a right-to-left report), so drawing code is written once for both languages.
 */
export class Layout {
  y: number = CONTENT.top;
  readonly charts: ChartPlacer;

  constructor(
    readonly doc: PdfDoc,
    readonly dir: TextDirection,
    /** Chart.js locale: Persian digits on the axes of a Persian report. */
    readonly locale: 'fa-IR' | 'en-US',
  ) {
    this.charts = new ChartPlacer(doc);
  }

  get rtl(): boolean {
    return this.dir === 'rtl';
  }

  newPage(): void {
    this.doc.addPage();
    this.y = CONTENT.top;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > CONTENT.bottom && this.y > CONTENT.top) this.newPage();
  }

  /** Page x of a box that starts `offset` points from the start side and is `width` wide. */
  xAt(offset: number, width: number, left = CONTENT.left, right = CONTENT.right): number {
    return this.rtl ? right - offset - width : left + offset;
  }

  /** Height of `text` in a box `width` wide, without drawing. */
  measure(text: string | DirectedText, width: number, style: TextStyle = {}): number {
    const { value, options } = this.options(text, style);
    return remember(`h|${width}|${keyOf(options)}|${value}`, () => measureParagraph(this.doc, value, { ...options, width }).height);
  }

  /** Width of `text` on one line. */
  widthOf(text: string | DirectedText, style: TextStyle = {}): number {
    const { value, options } = this.options(text, style);
    return remember(`w|${keyOf(options)}|${value}`, () => {
      const { lines } = measureParagraph(this.doc, value, { ...options, width: 10_000 });
      return Math.max(0, ...lines.map((line) => line.width));
    });
  }

  /** Draws a paragraph at page position (x, y) in a box `width` wide; returns its height. */
  textAt(text: string | DirectedText, x: number, y: number, width: number, style: TextStyle = {}): number {
    const { value, options } = this.options(text, style);
    return drawParagraph(this.doc, value, { ...options, x, y, width }).height;
  }

  /** Draws a paragraph across the content box at the cursor and moves the cursor below it. */
  paragraph(text: string | DirectedText, style: TextStyle = {}, after: number = GAP.paragraph): void {
    const height = this.measure(text, CONTENT.width, style);
    this.ensure(height);
    this.textAt(text, CONTENT.left, this.y, CONTENT.width, style);
    this.y += height + after;
  }

  /** A page title: always at the top of a new page. */
  title(text: string): void {
    if (this.y > CONTENT.top) this.newPage();
    const h = this.textAt(text, CONTENT.left, this.y, CONTENT.width, { size: SIZE.title, font: 'bold', color: palette.primaryDark });
    this.y += h + 4;
    this.rule(palette.primary, 1.2, 60);
    this.y += GAP.block;
  }

  /** A heading kept together with at least `keep` points of what follows. */
  heading(text: string, keep = 60, size: number = SIZE.heading): void {
    const height = this.measure(text, CONTENT.width, { size, font: 'bold' });
    this.ensure(height + keep);
    this.textAt(text, CONTENT.left, this.y, CONTENT.width, { size, font: 'bold', color: palette.primaryDark });
    this.y += height + GAP.paragraph;
  }

  /** A horizontal rule at the cursor, `length` long from the start side (the whole width by default). */
  rule(color: string = palette.rule, width = 0.6, length: number = CONTENT.width): void {
    const x = this.xAt(0, length);
    this.doc.save().moveTo(x, this.y).lineTo(x + length, this.y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  private options(text: string | DirectedText, style: TextStyle) {
    const value = typeof text === 'string' ? text : text.text;
    const direction = style.dir ?? (typeof text === 'string' ? this.dir : text.dir);
    // Text in the other direction still lines up with the page's start side.
    const align = style.align ?? (direction === this.dir ? 'start' : 'end');
    return {
      value,
      options: {
        direction,
        align,
        font: style.font ?? 'regular',
        size: style.size ?? SIZE.body,
        color: style.color ?? palette.ink,
        lineGap: style.lineGap ?? GAP.line,
      } as const,
    };
  }
}
