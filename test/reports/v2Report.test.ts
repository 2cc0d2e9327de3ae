import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS, demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { encodeAnswers } from '../../src/domain/answers.js';
import { scoreRows } from '../../src/domain/assessmentScoring.js';
import { presentResults } from '../../src/domain/presentResults.js';
import { type AnswerMap, toAnswerVector } from '../../src/domain/answerMaps.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import type { DimensionId } from '../../src/questionnaire/schema.js';
import { buildReportModel, type ReportInput, type ReportModel, type ReportSection } from '../../src/reports/model/index.js';
import { renderReportPdf } from '../../src/reports/pdf/renderReport.js';

// Issue 16: the maturity report of an assessment on mehvar-core v2, built and drawn in both languages.
// KEEP_TEST_PDF=<dir> keeps the PDFs (to look at: pdftoppm -png -r 80).

const q = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires')).get('mehvar-core', 2)!.definition;
const TARGETS: Partial<Record<DimensionId, number>> = { culture: 70, process: 70, interaction: 75 };
/** Items a shop-less, service-only organization would mark "not applicable" now and then. */
const SOMETIMES_NA = new Set(['resp.tidy-environment', 'cust.product-quality', 'listen.mystery-shopping']);
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function input(lang: 'fa' | 'en'): ReportInput {
  const random = seededRandom(1405);
  const rows = Array.from({ length: 30 }, (_, i) => {
    const role = i < 6 ? ('manager' as const) : ('staff' as const);
    const department = i < 6 ? null : DEMO_DEPARTMENTS[i % 3];
    const answers: AnswerMap = demoAnswers(q, { role, department: department ?? '' }, random);
    for (const id of SOMETIMES_NA) if (i % 3 === 0) answers[id] = 'na';
    return { id: `response-${i}`, role, department, release: 1, answers: encodeAnswers(toAnswerVector(q, answers)) };
  });
  const data = { rows, invited: 36, headcount: 60, closed: true };
  const results = scoreRows({ items: q.items, data, k: 5, targets: TARGETS, excludeFlagged: false });
  const ref = { id: 'a-2', questionnaire: { id: q.id, version: q.version }, targets: TARGETS, anonymityThreshold: 5 };
  return {
    organization: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }, sector: 'خدمات', headcount: 60 },
    assessment: { id: 'a-2', title: 'ارزیابی بهار ۱۴۰۵', createdAt: '2026-04-01T08:00:00Z', closedAt: '2026-04-20T08:00:00Z', anonymityThreshold: 5, targets: TARGETS },
    results: presentResults(ref, q, results, lang, false),
    questionnaire: q,
    generatedAt: new Date('2026-04-21T10:00:00Z'),
  };
}

function section<K extends ReportSection['kind']>(m: ReportModel, kind: K): Extract<ReportSection, { kind: K }> {
  const s = m.sections.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} section`);
  return s as Extract<ReportSection, { kind: K }>;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-v2-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
async function draw(model: ReportModel, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await renderReportPdf(model));
  if (process.env.KEEP_TEST_PDF) {
    fs.mkdirSync(process.env.KEEP_TEST_PDF, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.KEEP_TEST_PDF, name));
  }
  return file;
}
const flat = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(MARKS, '').replace(/\s+/g, ' ');

describe('the maturity report on mehvar-core v2', () => {
  const fa = buildReportModel(input('fa'), 'fa');
  const en = buildReportModel(input('en'), 'en');
  let faText: string;
  let enText: string;

  beforeAll(async () => {
    faText = flat(await draw(fa, 'v2-report-fa.pdf'));
    enText = flat(await draw(en, 'v2-report-en.pdf'));
  }, 120_000);

  it('describes each dimension\'s level for that dimension in the summary cards', () => {
    for (const [m, lang, text] of [[fa, 'fa', () => faText], [en, 'en', () => enText]] as const) {
      const cards = section(m, 'summary').dimensions;
      const results = input(lang).results;
      for (const card of cards) {
        const d = results.dimensions.find((x) => x.id === card.id)!;
        expect(card.description).toBe(q.maturityLevels.find((x) => x.level === d.level!.value)!.byDimension![card.id][lang]);
        // Its first words read back from the PDF (the three cards stand side by side, so lines interleave).
        expect(text()).toContain(card.description!.replace(/[،,]/g, '').split(' ').slice(0, 2).join(' '));
      }
    }
  });

  it('cites each recommendation\'s seed by title, never by file name, and quotes it in the reader\'s language', () => {
    const enRecs = section(en, 'recommendations').items;
    expect(enRecs.length).toBeGreaterThan(0);
    for (const r of enRecs) {
      expect(r.sourceTitle).toMatch(/^Text [1-5]: /);
      expect(r.quote.dir).toBe('ltr');
    }
    expect(section(fa, 'recommendations').items.every((r) => /^متن [۱-۵]: /.test(r.sourceTitle) && r.quote.dir === 'rtl')).toBe(true);
    for (const text of [faText, enText]) expect(text).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    expect(enText).toMatch(/Source: Text [1-5]: /);
    expect(enText).toContain(enRecs[0].quote.text.split(' ').slice(0, 5).join(' '));
    expect(faText).toMatch(/منبع\s*:\s*متن/);
  });

  it('shows "not applicable" apart from "don\'t know" in the distributions, legend included', () => {
    const d = section(en, 'distributions');
    expect(d.notApplicableLabel).toBe('Not applicable');
    const tidy = d.groups.flatMap((g) => g.items).find((i) => i.text === q.items.find((x) => x.id === 'resp.tidy-environment')!.text.en)!;
    // 10 of the 30 marked it not applicable; the share is of everyone who gave it any answer.
    const counts = input('en').results.items.find((i) => i.id === 'resp.tidy-environment')!.distribution;
    const any = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts.notApplicable).toBe(10);
    expect(tidy.notApplicable).toBeCloseTo(10 / any, 12);
    expect(tidy.dontKnow).toBeCloseTo(counts.dontKnow / any, 12);
    expect(tidy.notApplicableLabel).toBe(`${Math.round((100 * 10) / any)}%`);
    expect(tidy.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(section(fa, 'distributions').notApplicableLabel).toBe('مربوط نیست');
    expect(enText).toContain('Not applicable');
    expect(faText).toContain('مربوط نیست');
  });
});
