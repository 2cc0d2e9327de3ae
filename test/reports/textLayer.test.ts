import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReportDocument } from '../../src/reports/pdf/document.js';
import { drawParagraph } from '../../src/reports/text/index.js';

// What a client copies or searches in a report must be what was typed. Report documents share Vazirmatn
// (pdf/fonts.ts), so these draw on the real report documents, fa then en and en then fa in one process:
// a Persian report used to leave the hyphen without copy-text for every English one after it (its minus
// sign "−" is drawn with the hyphen as a component), ZWNJ copied out as a space, and brackets and
// guillemets in Persian text copied out mirrored (")خدمات(").
// The tests run in the order written: the first one must meet the fonts fresh.

const FA = {
  word: 'مشتری‌مداری',
  guillemets: '«کیفیت خدمات»',
  brackets: '(خدمات پس از فروش)',
  change: '−۳٫۱',
};
const EN = { hyphenated: 'customer-centric', brackets: '(at Pars)', guillemets: '«high»', other: 'well-known' };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-text-layer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function report(lang: 'fa' | 'en'): Promise<Buffer> {
  const { doc, finish } = openReportDocument({ generatedAt: '2025-11-20T10:00:00Z', lang, info: { title: 'متن', subject: 'text', author: 'Mehvar' } });
  const common = { x: 50, width: 495, font: 'regular', size: 12, align: 'start' } as const;
  if (lang === 'fa') {
    drawParagraph(doc, `فرهنگ ${FA.word} در سازمان ${FA.guillemets} و ${FA.brackets} سنجیده شد.`, { ...common, y: 60, direction: 'rtl' });
    // A change as the report shows it, sign on the left; its minus sign is what met the hyphen first.
    drawParagraph(doc, FA.change, { ...common, y: 100, direction: 'ltr' });
    drawParagraph(doc, `${FA.word} و ${FA.word}`, { ...common, y: 140, direction: 'rtl', font: 'bold' });
  } else {
    drawParagraph(doc, `A ${EN.hyphenated} culture ${EN.brackets} scored ${EN.guillemets}, as is ${EN.other}.`, { ...common, y: 60, direction: 'ltr' });
    drawParagraph(doc, `${EN.hyphenated} first`, { ...common, y: 100, direction: 'ltr', font: 'bold' });
  }
  return finish();
}

function extract(pdf: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  // poppler wraps runs in embedding marks; they say nothing about the text.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

function expectPersian(text: string): void {
  expect(text).toContain(FA.word);
  expect(text.split(FA.word).length - 1, 'every ZWNJ word, regular and bold').toBe(3);
  expect(text).toContain(FA.guillemets);
  expect(text).toContain(FA.brackets);
  expect(text).toContain(FA.change);
  expect(text).not.toContain('مشتریمداری');
  expect(text).not.toContain('مشتری مداری');
}

function expectEnglish(text: string): void {
  for (const typed of Object.values(EN)) expect(text).toContain(typed);
  expect(text).toContain(`${EN.hyphenated} first`);
}

const built: Record<string, Buffer> = {};

describe('the PDF text layer copies out exactly as typed', () => {
  it('Persian then English in one process', async () => {
    const fa = await report('fa');
    built.en = await report('en');
    expectPersian(extract(fa, 'fa-1.pdf'));
    expectEnglish(extract(built.en, 'en-1.pdf'));
  });

  it('English then Persian in one process, and the English bytes do not depend on what came before', async () => {
    const en = await report('en');
    const fa = await report('fa');
    expectEnglish(extract(en, 'en-2.pdf'));
    expectPersian(extract(fa, 'fa-2.pdf'));
    expect(en.equals(built.en)).toBe(true);
  });
});
