import { describe, expect, it } from 'vitest';
import { breakSegments } from '../../src/reports/text/breaking.js';
import { drawParagraph, measureParagraph } from '../../src/reports/text/index.js';
import { newDoc } from './pdf-helpers.js';

const PERSIAN =
  'فرهنگ مشتری مداری در شرکت نمونه پارس با امتیاز ۳٫۸ از ۵ (معادل ۷۶٪) ارزیابی شد؛ سازمان به بلوغ ' +
  'نزدیک می‌شود و شاخص‌های تجربه مشتری در حوزه Customer Experience بهبود یافته‌اند.';
const ENGLISH = 'Customer-centric culture scored 3.8 out of 5 (76%), and engagement leads the other dimensions.';
const ZWNJ_WORDS = 'می‌شود نمی‌رسد شاخص‌ها یافته‌اند می‌توانند کتاب‌خانه‌ها '.repeat(6).trim();

const opts = (width: number, direction: 'rtl' | 'ltr' = 'rtl') =>
  ({ width, direction, align: 'start', font: 'regular', size: 11 }) as const;

const WIDTHS = [45, 70, 110, 160, 240, 333, 495];

describe('measureParagraph line breaking', () => {
  it('never makes a line wider than the box', () => {
    const doc = newDoc();
    for (const [text, direction] of [[PERSIAN, 'rtl'], [ENGLISH, 'ltr'], [ZWNJ_WORDS, 'rtl']] as const) {
      for (const width of WIDTHS) {
        const { lines } = measureParagraph(doc, text, opts(width, direction));
        for (const line of lines) expect(line.width, `${width}: ${line.text}`).toBeLessThanOrEqual(width + 1e-3);
      }
    }
  });

  it('keeps every word and its order when no word is too long', () => {
    const doc = newDoc();
    for (const width of [160, 240, 495]) {
      const { lines } = measureParagraph(doc, PERSIAN, opts(width));
      expect(lines.map((l) => l.text).join(' ')).toBe(PERSIAN);
    }
  });

  it('never breaks at a ZWNJ', () => {
    expect(breakSegments('می‌شود').map((s) => s.end)).toEqual(['می‌شود'.length]);
    const doc = newDoc();
    const word = measureParagraph(doc, 'کتاب‌خانه‌ها', opts(1000)).lines[0].width;
    // Narrow enough that PDFKit's own wrapping would have to choose, wide enough for the longest word.
    for (const width of [Math.ceil(word) + 1, 80, 120, 200]) {
      const { lines } = measureParagraph(doc, ZWNJ_WORDS, opts(width));
      for (const line of lines) expect(line.text).toMatch(/^[^\u200C].*[^\u200C]$/u);
      expect(lines.map((l) => l.text).join(' ')).toBe(ZWNJ_WORDS);
    }
  });

  it('hard-breaks a word wider than the box', () => {
    const doc = newDoc();
    for (const [word, direction] of [['Supercalifragilisticexpialidocious', 'ltr'], ['بزرگ‌ترین‌سازمان‌مشتری‌مدارها', 'rtl']] as const) {
      const { lines } = measureParagraph(doc, `${word} end`, opts(60, direction));
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(60 + 1e-3);
      expect(lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(`${word}end`);
    }
  });

  it('cuts an over-long Persian word after a ZWNJ, where letters do not join anyway', () => {
    const word = 'بزرگ‌ترین‌سازمان‌مشتری‌مدارها';
    const { lines } = measureParagraph(newDoc(), word, opts(60));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(line.text.endsWith('\u200C'), line.text).toBe(true);
    expect(lines.map((l) => l.text).join('')).toBe(word);
  });

  it('honours hard line breaks, empty lines included', () => {
    const doc = newDoc();
    const one = measureParagraph(doc, 'سطر', opts(200));
    const three = measureParagraph(doc, 'سطر اول\n\nسطر سوم', opts(200));
    expect(three.lines.map((l) => l.text)).toEqual(['سطر اول', '', 'سطر سوم']);
    expect(three.height).toBeCloseTo(3 * one.height);
    expect(measureParagraph(doc, '', opts(200))).toEqual({ height: 0, lines: [] });
  });

  it('measures exactly what drawParagraph draws', () => {
    const doc = newDoc();
    const measured = measureParagraph(doc, PERSIAN, { ...opts(240), lineGap: 3 });
    const drawn = drawParagraph(doc, PERSIAN, { ...opts(240), lineGap: 3, x: 50, y: 50 });
    expect(drawn).toEqual(measured);
    expect(doc.y).toBeCloseTo(50 + measured.height);
  });
});
