import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DirectedText, Table, TextDirection } from '../model/types.js';
import { palette } from '../pdf/palette.js';

// The DOCX building blocks: paragraphs, headings and tables that Word and LibreOffice can edit. Every
// paragraph carries its direction: a right-to-left paragraph is `w:bidi` and its runs `w:rtl`, so Word lays
// Persian out right to left with its own bidi algorithm (Latin words and digits inside keep their order).

/** A4 width less 2 cm margins, in twentieths of a point. */
export const CONTENT_TWIPS = 11906 - 2 * 1134;

export interface TextStyle {
  /** Points. */
  size?: number;
  bold?: boolean;
  color?: string;
  /** `right`: a left-to-right paragraph that stands on the start side of a right-to-left report. */
  align?: 'start' | 'center' | 'right';
  /** Space after the paragraph, in points. */
  after?: number;
  keepNext?: boolean;
}

export const SIZE = { body: 10.5, small: 9, tiny: 8, subheading: 12, heading: 15, title: 18 } as const;

const hex = (colour: string) => colour.replace('#', '').toUpperCase();

const directed = (t: string | DirectedText, dir: TextDirection): DirectedText => (typeof t === 'string' ? { text: t, dir } : t);

/** One run in its direction; bold and size are set for complex scripts too, or Persian ignores them. */
export function run(text: string, dir: TextDirection, s: TextStyle = {}): TextRun {
  const size = Math.round((s.size ?? SIZE.body) * 2);
  return new TextRun({
    text,
    bold: s.bold,
    boldComplexScript: s.bold,
    size,
    sizeComplexScript: size,
    color: s.color ? hex(s.color) : undefined,
    rightToLeft: dir === 'rtl',
  });
}

/** A paragraph in the text's own direction (the report's, unless the text says otherwise). */
export function para(t: string | DirectedText, dir: TextDirection, s: TextStyle = {}): Paragraph {
  const d = directed(t, dir);
  // A Latin line in a Persian report (a name, an address) keeps to the report's start side, on the right.
  const align = s.align ?? (d.dir === 'ltr' && dir === 'rtl' ? 'right' : undefined);
  return paragraphOf([run(d.text, d.dir, s)], d.dir, { ...s, align });
}

export function paragraphOf(children: ParagraphChild[], dir: TextDirection, s: TextStyle = {}): Paragraph {
  return new Paragraph({
    children,
    bidirectional: dir === 'rtl',
    // Start alignment is each paragraph's default, so only centring is written.
    alignment: s.align === 'center' ? AlignmentType.CENTER : s.align === 'right' && dir === 'ltr' ? AlignmentType.RIGHT : undefined,
    spacing: { after: Math.round((s.after ?? 6) * 20) },
    keepNext: s.keepNext,
  });
}

/** A section title, on a new page: Heading 1, so it shows in Word's navigation pane and a table of contents. */
export function title(text: string, dir: TextDirection, newPage = true): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: dir === 'rtl', pageBreakBefore: newPage, keepNext: true, children: [run(text, dir, { size: SIZE.heading, bold: true, color: palette.primaryDark })] });
}

export function heading(text: string | DirectedText, dir: TextDirection): Paragraph {
  const d = directed(text, dir);
  return new Paragraph({ heading: HeadingLevel.HEADING_2, bidirectional: d.dir === 'rtl', keepNext: true, spacing: { before: 160, after: 80 }, children: [run(d.text, d.dir, { size: SIZE.subheading, bold: true, color: palette.primaryDark })] });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: hex(palette.rule) };
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

function cell(children: Paragraph[], width: number, opts: { fill?: string; span?: number } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: hex(opts.fill) } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/**
 * A model table as an editable Word table: columns in reading order (the first on the right in a
 * right-to-left report, `w:bidiVisual`), the header row repeated on every page, and a suppressed group's
 * note spanning the columns after its name.
 */
export function table(t: Table, dir: TextDirection, s: { size?: number; headerSize?: number; width?: number } = {}): DocxTable {
  const size = s.size ?? SIZE.small;
  const headerSize = s.headerSize ?? size;
  const total = Math.round((s.width ?? 1) * CONTENT_TWIPS);
  const weights = t.columns.reduce((a, c) => a + c.weight, 0);
  const widths = t.columns.map((c) => Math.round((c.weight / weights) * total));
  const align = (numeric?: boolean): TextStyle['align'] => (numeric ? 'center' : 'start');
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell([para(c.label, dir, { size: headerSize, bold: true, color: palette.primaryDark, align: align(c.numeric), after: 0 })], widths[i], { fill: palette.primaryWash })),
  });
  const rows = t.rows.map((r) => {
    if (r.note !== undefined) {
      const rest = widths.slice(1).reduce((a, b) => a + b, 0);
      return new TableRow({
        cantSplit: true,
        children: [
          cell([para(r.cells[0], dir, { size, after: 0 })], widths[0]),
          cell([para(r.note, dir, { size, color: palette.muted, align: 'center', after: 0 })], rest, { span: t.columns.length - 1 }),
        ],
      });
    }
    return new TableRow({
      cantSplit: true,
      children: r.cells.map((c, i) => cell([para(c, dir, { size, bold: r.emphasis, align: align(t.columns[i]?.numeric), after: 0 })], widths[i])),
    });
  });
  // A table whose columns have no labels (the counts, the ladder) has no header row, as in the PDF.
  const withHeader = t.columns.some((c) => c.label);
  return new DocxTable({ rows: withHeader ? [header, ...rows] : rows, columnWidths: widths, width: { size: total, type: WidthType.DXA }, visuallyRightToLeft: dir === 'rtl', borders: BORDERS });
}

/** Label–value pairs (the cover's facts, the summary's highlights) as a two-column table. */
export function pairs(list: { label: string; value: string }[], dir: TextDirection, s: { labelWidth?: number } = {}): DocxTable {
  const labelWidth = Math.round((s.labelWidth ?? 0.34) * CONTENT_TWIPS);
  const widths = [labelWidth, CONTENT_TWIPS - labelWidth];
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new DocxTable({
    columnWidths: widths,
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    visuallyRightToLeft: dir === 'rtl',
    borders: { top: none, left: none, right: none, insideVertical: none, bottom: RULE, insideHorizontal: RULE },
    rows: list.map(
      (p) =>
        new TableRow({
          cantSplit: true,
          children: [cell([para(p.label, dir, { color: palette.muted, after: 0 })], widths[0]), cell([para(p.value, dir, { bold: true, after: 0 })], widths[1])],
        }),
    ),
  });
}

/** An empty paragraph, for space between blocks. */
export const spacer = (points = 6) => new Paragraph({ spacing: { after: Math.round(points * 20) }, children: [] });
