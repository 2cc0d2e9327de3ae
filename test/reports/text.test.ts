import { describe, expect, it } from 'vitest';
import { drawParagraph, FONT_NAMES } from '../../src/reports/text/index.js';
import { pdfText, pdfWords, writePdf, type WordBox } from './pdf-helpers.js';

// What a reader copies out of a report must be the text we typed. poppler's pdftotext stands in for
// copy/search here; it is also what shows the failures of plain PDFKit.
const PHRASE = 'فرهنگ مشتری مداری';
const ORG = 'شرکت نمونه پارس';
const PARAGRAPH =
  `${PHRASE} در ${ORG} با امتیاز ۳٫۸ از ۵ (معادل ۷۶٪) در حوزه Customer Experience ارزیابی شد؛ ` +
  'این یعنی سازمان به بلوغ نزدیک می‌شود و بالاترین امتیاز به «تعامل» می‌رسد.';

const ENGLISH = 'Customer-centric culture at Pars Sample Company scored 3.8 out of 5 (76%), and engagement (تعامل) leads.';

const BOX = { x: 50, width: 495 } as const;
const common = { ...BOX, direction: 'rtl', font: 'regular', size: 11, lineGap: 2 } as const;

function linesOf(words: WordBox[], top: number, bottom: number): WordBox[][] {
  const byY = new Map<number, WordBox[]>();
  for (const w of words.filter((w) => w.yMin >= top && w.yMin < bottom)) {
    byY.set(w.yMin, [...(byY.get(w.yMin) ?? []), w]);
  }
  return [...byY.entries()].sort(([a], [b]) => a - b).map(([, ws]) => ws);
}

describe('drawParagraph: Persian read back from the PDF', () => {
  it('extracts phrases, digits and lam-alef in logical order', async () => {
    const file = await writePdf('rtl.pdf', (doc) => {
      const { height } = drawParagraph(doc, PARAGRAPH, { ...common, y: 50, align: 'start' });
      drawParagraph(doc, PARAGRAPH, { ...common, y: 80 + height, align: 'justify' });
    });
    const text = pdfText(file);
    for (const expected of [PHRASE, ORG, 'بالاترین', '۳٫۸', '۷۶']) {
      expect(text.split(expected).length - 1, expected).toBe(2);
    }
    expect(text).not.toContain('۸٫۳');
    expect(text).not.toContain('باالترین');
  });

  // The same assertions against plain PDFKit (doc.text with width and align: 'right'). PDFKit has no
  // bidi algorithm: it draws the words of an RTL line left to right, so extraction returns them
  // reversed ("فرهنگ مشتری مداری" never appears), Persian digits come out as ۸٫۳ and lam-alef as
  // "باالترین". The first test would fail on it; this one keeps that premise honest.
  it('plain PDFKit fails those assertions', async () => {
    const file = await writePdf('plain.pdf', (doc) => {
      doc.font(FONT_NAMES.regular).fontSize(11).text(PARAGRAPH, 50, 50, { width: 495, align: 'right' });
    });
    const text = pdfText(file);
    expect(text).not.toContain(PHRASE);
    expect(text).not.toContain(ORG);
    expect(text).toContain('۸٫۳');
    expect(text).toContain('باالترین');
  });

  it('places runs in visual order and mirrors brackets', async () => {
    const file = await writePdf('order.pdf', (doc) => {
      drawParagraph(doc, 'امتیاز ۳٫۸ از ۵ (معادل ۷۶٪) در Customer Experience', { ...common, y: 50, align: 'start' });
    });
    const words = pdfWords(file);
    const x = (t: string) => words.find((w) => w.text.includes(t))!.xMin;
    // Read right to left: what comes first lies further right; the Latin run stays left to right.
    expect(x('۳٫۸')).toBeGreaterThan(x('۵'));
    expect(x('Customer')).toBeLessThan(x('Experience'));
    expect(x('Experience')).toBeLessThan(x('۵'));
    // Boxes list glyphs left to right with their copy-text: "(معادل" ends, on its right, with the bracket
    // drawn mirrored, which copies out as the "(" that was typed (textLayer.test.ts reads it back).
    expect(words.map((w) => w.text)).toContain('لداعم(');
  });

  it('aligns right, justifies to both edges, and starts English on the left', async () => {
    const y = { rtl: 50, justify: 200, ltr: 350 };
    const file = await writePdf('align.pdf', (doc) => {
      drawParagraph(doc, PARAGRAPH, { ...common, y: y.rtl, align: 'start' });
      drawParagraph(doc, PARAGRAPH, { ...common, y: y.justify, align: 'justify' });
      drawParagraph(doc, `${ENGLISH} ${ENGLISH}`, {
        ...common,
        y: y.ltr,
        direction: 'ltr',
        align: 'start',
      });
    });
    const words = pdfWords(file);
    const right = BOX.x + BOX.width;
    const rtl = linesOf(words, y.rtl, y.justify);
    const justified = linesOf(words, y.justify, y.ltr);
    const ltr = linesOf(words, y.ltr, 842);
    expect(rtl.length).toBeGreaterThan(1);
    expect(ltr.length).toBeGreaterThan(1);
    for (const line of rtl) expect(Math.max(...line.map((w) => w.xMax))).toBeCloseTo(right, 0);
    for (const line of justified.slice(0, -1)) {
      expect(Math.min(...line.map((w) => w.xMin))).toBeCloseTo(BOX.x, 0);
      expect(Math.max(...line.map((w) => w.xMax))).toBeCloseTo(right, 0);
    }
    for (const line of ltr) expect(Math.min(...line.map((w) => w.xMin))).toBeCloseTo(BOX.x, 0);
  });
});
