import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS, demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { encodeAnswers } from '../../src/domain/answers.js';
import { scoreRows } from '../../src/domain/assessmentScoring.js';
import { presentResults } from '../../src/domain/presentResults.js';
import { toAnswerVector } from '../../src/domain/answerMaps.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import type { DimensionId } from '../../src/questionnaire/schema.js';
import { buildReportModel, type ReportInput, type ReportModel, type ReportSection } from '../../src/reports/model/index.js';

const q = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires')).get('mehvar-core')!.definition;
const TARGETS: Partial<Record<DimensionId, number>> = { culture: 70, process: 70, interaction: 75 };
// Six managers without a department, then staff in four departments; the last has 3 responses, under the
// threshold of 5, so it and (complementary suppression) the next smallest, تولید with 5, are withheld.
const PEOPLE: [role: 'manager' | 'staff', department: string | null, count: number][] = [
  ['manager', null, 6],
  ['staff', DEMO_DEPARTMENTS[0], 9],
  ['staff', DEMO_DEPARTMENTS[1], 7],
  ['staff', DEMO_DEPARTMENTS[2], 5],
  ['staff', DEMO_DEPARTMENTS[3], 3],
];

function input(lang: 'fa' | 'en', opts: { people?: typeof PEOPLE; targets?: typeof TARGETS | null } = {}): ReportInput {
  const random = seededRandom(1405);
  const rows = (opts.people ?? PEOPLE).flatMap(([role, department, count]) =>
    Array.from({ length: count }, () => ({ role, department })),
  ).map((p, i) => ({
    id: `response-${i}`,
    ...p,
    release: 1,
    answers: encodeAnswers(toAnswerVector(q, demoAnswers(q, { role: p.role, department: p.department ?? '' }, random))),
  }));
  const targets = opts.targets === undefined ? TARGETS : opts.targets;
  const data = { rows, invited: 36, headcount: 60, closed: true };
  const results = scoreRows({ items: q.items, data, k: 5, targets, excludeFlagged: false });
  const ref = { id: 'a-1', questionnaire: { id: q.id, version: q.version }, targets, anonymityThreshold: 5 };
  return {
    organization: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }, sector: 'تولید لوازم خانگی', headcount: 60 },
    assessment: { id: 'a-1', title: 'ارزیابی پاییز ۱۴۰۴', createdAt: '2025-10-01T08:00:00Z', closedAt: null, anonymityThreshold: 5, targets },
    results: presentResults(ref, q, results, lang, false),
    questionnaire: q,
    generatedAt: new Date('2025-11-20T10:00:00Z'),
  };
}

function section<K extends ReportSection['kind']>(m: ReportModel, kind: K): Extract<ReportSection, { kind: K }> {
  const s = m.sections.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} section`);
  return s as Extract<ReportSection, { kind: K }>;
}

/** Every string in the model with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

// Keys whose strings are not report prose: machine values, seed quotes, formulas, ids.
const NOT_PROSE = new Set(['generatedAt', 'fileName', 'formulas', 'ids', 'quote', 'locale', 'primaryColor']);

describe('buildReportModel', () => {
  const fa = buildReportModel(input('fa'), 'fa');
  const en = buildReportModel(input('en'), 'en');

  it('lays the report out in order: summary, profile, scores, distributions, groups, recommendations, appendix', () => {
    expect(fa.sections.map((s) => s.kind)).toEqual(['summary', 'profile', 'scores', 'distributions', 'groups', 'recommendations', 'methodology']);
    expect(fa.dir).toBe('rtl');
    expect(en.dir).toBe('ltr');
  });

  it('writes every figure of the Persian report in Persian digits', () => {
    const prose = strings(fa).filter((s) => !NOT_PROSE.has(s.key));
    const latinDigits = prose.filter((s) => /[0-9]/.test(s.text) && s.text !== 'rwg(j)');
    expect(latinDigits).toEqual([]);
    const summary = section(fa, 'summary');
    expect(summary.overall.score).toMatch(/^[۰-۹]+٫[۰-۹]$/);
    expect(fa.cover.facts.find((f) => f.label === 'پاسخ‌دهندگان')?.value).toBe('۳۰ نفر از ۳۶ دعوت‌شده');
    expect(fa.cover.facts.find((f) => f.label === 'نرخ پاسخ')?.value).toBe('۸۳٪');
    expect(fa.pageLabel).toBe('صفحه {page} از {pages}');
  });

  it('writes the English report in Latin digits', () => {
    const summary = section(en, 'summary');
    expect(summary.overall.score).toMatch(/^\d+\.\d$/);
    expect(en.cover.facts.find((f) => f.label === 'Respondents')?.value).toBe('30 of 36 invited');
    expect(en.cover.facts.find((f) => f.label === 'Response rate')?.value).toBe('83%');
    const prose = strings(en).filter((s) => !NOT_PROSE.has(s.key) && !/[\u0600-\u06FF]/.test(s.text.replace(/[۰-۹]/g, '')));
    expect(prose.filter((s) => /[۰-۹]/.test(s.text))).toEqual([]);
  });

  it('dates the Persian report in the Solar Hijri calendar and the English one in the Gregorian', () => {
    expect(fa.cover.facts[0]).toEqual({ label: 'تاریخ گزارش', value: '۲۹ آبان ۱۴۰۴' });
    expect(en.cover.facts[0]).toEqual({ label: 'Report date', value: '20 November 2025' });
    expect(fa.cover.facts[1].value).toBe('از ۹ مهر ۱۴۰۴، هنوز باز');
  });

  it('names the dimensions as typed and summarizes the strongest and weakest', () => {
    const summary = section(fa, 'summary');
    expect(summary.dimensions.map((d) => d.name)).toEqual(['فرهنگ', 'فرایند', 'تعامل']);
    const scored = input('fa').results.dimensions.slice().sort((a, b) => b.score! - a.score!);
    expect(summary.highlights[0].value).toContain(scored[0].name);
    expect(summary.highlights[1].value).toContain(scored[2].name);
    expect(summary.overall.level?.description).toBe(q.maturityLevels.find((m) => m.level === summary.overall.level?.value)?.description.fa);
  });

  it('withholds every figure of a suppressed group and shows it as "insufficient responses"', () => {
    const groups = section(fa, 'groups');
    const suppressed = groups.department.table.rows.filter((r) => r.note);
    expect(suppressed.map((r) => r.cells.map((c) => c.text))).toEqual([['تولید'], ['مالی']]);
    expect(suppressed.every((r) => r.note === 'پاسخ ناکافی' && r.cells.length === 1)).toBe(true);
    expect(JSON.stringify(suppressed)).not.toMatch(/[0-9۰-۹]/);
    expect(groups.department.chart?.categories).toEqual(['خدمات پس از فروش', 'فروش']);
    expect(section(en, 'groups').department.table.rows.find((r) => r.note)?.note).toBe('insufficient responses');
  });

  it('shows the perception gap when both roles are large enough, and says why not otherwise', () => {
    const gap = section(fa, 'groups').gap;
    expect(gap.table?.rows).toHaveLength(3);
    expect(gap.table?.rows[0].cells[3].text).toMatch(/^\u200e[+−][۰-۹]+٫[۰-۹]$/);
    const fewManagers = buildReportModel(input('en', { people: [['manager', null, 3], ['staff', null, 12]] }), 'en');
    const hidden = section(fewManagers, 'groups').gap;
    expect(hidden.table).toBeNull();
    expect(hidden.text).toContain('anonymity threshold (5)');
    expect(section(fewManagers, 'groups').role.table.rows[0]).toEqual({ cells: [{ text: 'Managers', dir: 'ltr' }], note: 'insufficient responses' });
  });

  it('lists recommendations most urgent first, each with its seed text by title and its quote', () => {
    const recs = section(en, 'recommendations');
    const results = input('en').results.recommendations;
    expect(recs.items.map((r) => r.text)).toEqual(results.map((r) => r.text.en));
    const rank = { high: 0, medium: 1, low: 2 };
    const order = recs.items.map((r) => rank[r.priority]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(recs.items[0]).toMatchObject({ rank: '1', sourceTitle: results[0].source.title, quote: { text: results[0].quote.text, dir: results[0].quote.lang === 'en' ? 'ltr' : 'rtl' } });
    // Issue 16: a client report never shows a seed's file name.
    expect(JSON.stringify(en)).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(JSON.stringify(buildReportModel(input('fa'), 'fa'))).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(section(en, 'summary').urgent.map((u) => u.text)).toEqual(recs.items.slice(0, 3).map((r) => r.text));
  });

  it('draws the target polygon only when targets are set', () => {
    expect(section(fa, 'profile').radar.targets).toEqual([70, 70, 75]);
    const none = buildReportModel(input('fa', { targets: null }), 'fa');
    expect(section(none, 'profile').radar.targets).toBeNull();
    expect(section(none, 'profile').radarNote).toContain('هدفی تعیین نشده');
  });

  it('gives each item its answer shares, with "don\'t know" apart', () => {
    const d = section(fa, 'distributions');
    expect(d.groups.map((g) => g.title)).toEqual(q.sections.map((s) => s.title.fa));
    const items = d.groups.flatMap((g) => g.items);
    expect(items).toHaveLength(q.items.length);
    for (const item of items) {
      expect(item.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(item.dontKnow).toBeGreaterThanOrEqual(0);
    }
    expect(d.scale.map((p) => p.tone)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(items[0].number).toBe('۱');
  });

  it('explains the method in the report\'s language, with the assessment\'s threshold and counts', () => {
    const m = section(fa, 'methodology');
    expect(m.blocks.map((b) => b.heading)).toContain('پایایی: آلفای کرونباخ');
    expect(m.blocks.find((b) => b.heading === 'ناشناس‌ماندن')?.paragraphs[0]).toContain('۵ پاسخ');
    expect(m.counts.table.rows.map((r) => r.cells[1].text).slice(0, 2)).toEqual(['۳۶', '۳۰']);
    expect(section(en, 'methodology').blocks[0].heading).toBe('Item and respondent scores');
  });

  it('makes a short report saying so when there are no responses', () => {
    const empty = buildReportModel(input('fa', { people: [] }), 'fa');
    expect(empty.sections).toEqual([expect.objectContaining({ kind: 'noResponses', title: 'هنوز پاسخی ثبت نشده است' })]);
    expect(empty.cover.facts.find((f) => f.label === 'پاسخ‌دهندگان')?.value).toBe('۰ نفر از ۳۶ دعوت‌شده');
  });

  it('is pure: the same input gives the same model and is left untouched', () => {
    const i = input('fa');
    const before = JSON.stringify(i);
    expect(buildReportModel(i, 'fa')).toEqual(buildReportModel(i, 'fa'));
    expect(JSON.stringify(i)).toBe(before);
    // Crosses to the worker by structured clone: plain data only.
    expect(structuredClone(fa)).toEqual(fa);
  });

  it('refuses results presented in another language', () => {
    expect(() => buildReportModel(input('en'), 'fa')).toThrow(/results are in en/);
  });
});

describe('buildReportModel under the anonymity rules', () => {
  const build = (lang: 'fa' | 'en', rows: number, opts: { released?: number; closed?: boolean } = {}) => {
    const base = input(lang);
    const random = seededRandom(7);
    const data = {
      rows: Array.from({ length: rows }, (_, i) => ({
        id: `r-${i}`, role: 'staff' as const, department: null, release: i < (opts.released ?? rows) ? 1 : null,
        answers: encodeAnswers(toAnswerVector(q, demoAnswers(q, { role: 'staff', department: '' }, random))),
      })),
      invited: 12, headcount: 60, closed: opts.closed ?? false,
    };
    const results = scoreRows({ items: q.items, data, k: 5, targets: null, excludeFlagged: false });
    const ref = { id: 'a-1', questionnaire: { id: q.id, version: q.version }, targets: null, anonymityThreshold: 5 };
    return buildReportModel({ ...base, results: presentResults(ref, q, results, lang, false) }, lang);
  };

  it('says plainly why there are no figures below k, and shows none', () => {
    const m = build('en', 3, { released: 0 });
    expect(m.sections.map((s) => s.kind)).toEqual(['noResponses']);
    const text = JSON.stringify(m.sections);
    expect(text).toContain('fewer than the anonymity threshold of 5');
    expect(text).toContain('once 2 more responses');
    expect(section(build('fa', 3, { released: 0 }), 'noResponses').title).toBe('پاسخ‌ها هنوز برای نمایش اعداد کافی نیست');
  });

  it('says at how many responses the figures stand while more wait', () => {
    const m = build('en', 7, { released: 5 });
    const notes = section(m, 'summary').notes.join(' ');
    expect(notes).toContain('The figures stand at 5 responses. 2 responses have arrived since');
    expect(section(m, 'summary').intro).toMatch(/^This report is based on 5 submitted responses/);
  });
});
