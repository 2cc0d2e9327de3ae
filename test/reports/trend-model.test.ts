import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { decodeAnswers, encodeAnswers } from '../../src/domain/answers.js';
import { presentTrend, type PresentedTrend } from '../../src/domain/presentTrend.js';
import { computeResults } from '../../src/domain/results.js';
import { buildTrend, overallComposite, type TrendPoint } from '../../src/domain/trend.js';
import { toAnswerVector } from '../../src/domain/answerMaps.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { buildTrendReportModel, type TrendReportInput } from '../../src/reports/trend/model.js';
import { yRange } from '../../src/reports/trend/sections.js';
import type { TrendComparison, TrendReportModel } from '../../src/reports/trend/types.js';

// buildTrendReportModel on its own: hand-made trends for every kind of sentence, and a realistic trend of
// the real questionnaire for the formatting rules.

const GENERATED = new Date('2025-11-20T10:00:00Z');
const ORG = { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' } };
const Q_TITLE = { title: { fa: 'پرسش‌نامه‌ی محور', en: 'Mehvar questionnaire' } };

type Series = PresentedTrend['overall'];
type Change = Series['changes'][number];

const NAMES = {
  overall: { fa: 'آمادگی کلی', en: 'Overall readiness' },
  culture: { fa: 'فرهنگ', en: 'Culture' },
  process: { fa: 'فرایند', en: 'Process' },
  interaction: { fa: 'تعامل', en: 'Interaction' },
} as const;
const LEVEL_NAMES = { fa: ['', 'آغازین', 'در حال شکل‌گیری', 'تعریف‌شده', 'مدیریت‌شده', 'مشتری‌محور نهادینه'], en: ['', 'Initial', 'Emerging', 'Defined', 'Managed', 'Embedded'] };

const tested = (delta: number, p: number, d: number, half = 5): Omit<Change, 'from' | 'to'> => ({
  delta, ci95: [delta - half, delta + half], se: half / 2, t: delta / (half / 2), df: 40, p, cohensD: d, significant: p < 0.05, tested: true,
});
const untested = (delta: number | null): Omit<Change, 'from' | 'to'> => ({ delta, ci95: null, se: null, t: null, df: null, p: null, cohensD: null, significant: null, tested: false });

/**
 * A trend over `scores.length` assessments a1, a2, …; `change` gives the first → last change (and, for
 * brevity, every other pair the same figures).
 */
function trend(lang: 'fa' | 'en', spec: Record<keyof typeof NAMES, { scores: (number | null)[]; change: Omit<Change, 'from' | 'to'> }>, opts: { versionsDiffer?: boolean } = {}): PresentedTrend {
  const n = spec.overall.scores.length;
  const ids = Array.from({ length: n }, (_, i) => `a${i + 1}`);
  const pairs: [string, string][] = ids.slice(1).map((id, i) => [ids[i], id]);
  if (n > 2) pairs.push([ids[0], ids[n - 1]]);
  const level = (s: number | null) => (s === null ? null : Math.min(5, Math.floor(s / 20) + 1));
  const series = (id: keyof typeof NAMES): Series => ({
    id,
    kind: id === 'overall' ? 'overall' : 'dimension',
    name: NAMES[id][lang],
    points: spec[id].scores.map((score, i) => {
      const l = level(score);
      return { assessmentId: ids[i], score, n: 20, sd: 15, ci95: score === null || id === 'overall' ? null : ([score - 6, score + 6] as [number, number]), level: l === null ? null : { value: l as 1, name: LEVEL_NAMES[lang][l] } };
    }),
    changes: pairs.map(([from, to]) => ({ from, to, ...spec[id].change })),
  });
  return {
    organizationId: 'org-1',
    lang,
    assessments: ids.map((id, i) => ({
      id, title: `ارزیابی ${i + 1}`, date: new Date(Date.UTC(2024, 9 + 6 * i, 20)).toISOString(),
      questionnaire: { id: 'mehvar-core', version: opts.versionsDiffer && i === n - 1 ? 2 : 1 },
      respondents: { submitted: 20, invited: 25, responseRate: 0.8 },
    })),
    compatibility: { value: opts.versionsDiffer ? 0.8 : 1, sharedItems: 40, totalItems: opts.versionsDiffer ? 50 : 40, versionsDiffer: opts.versionsDiffer ?? false, note: null },
    overall: series('overall'),
    dimensions: [series('culture'), series('process'), series('interaction')],
    levels: [],
    sections: [],
    transitions: [],
    movers: {
      up: [{
        id: 'i1', from: 40, to: 65, delta: 25,
        text: lang === 'fa' ? 'تا چه اندازه مشتریان را می‌شناسیم؟' : 'How well do we know our customers?',
        source: lang === 'fa' ? 'متن ۳: اصول و ساختار مشتری‌مداری' : 'Text 3: Principles and structure of customer-centricity',
      }],
      down: [],
    },
  } as PresentedTrend;
}

const SPEC = {
  overall: { scores: [50, 55, 62.04], change: tested(12.04, 0.0004, 1.2) },
  culture: { scores: [60, 58, 56.76], change: tested(-3.24, 0.31, -0.2) },
  process: { scores: [40, 46, 52], change: tested(12, 0.01, 0.6) },
  interaction: { scores: [55, 55.5, 56], change: untested(1) },
};

const input = (t: PresentedTrend): TrendReportInput => ({ organization: ORG, trend: t, questionnaire: Q_TITLE, generatedAt: GENERATED });
const comparison = (m: TrendReportModel) => {
  if (m.body.kind !== 'comparison') throw new Error('not a comparison');
  return m.body as TrendComparison;
};

describe('the plain-language summary', () => {
  it('says in English what moved, by how much, and whether the change is real', () => {
    const m = buildTrendReportModel(input(trend('en', SPEC)), 'en');
    expect(comparison(m).summary.sentences).toEqual([
      'Overall readiness improved by 12 points; the change is statistically significant (p < 0.001, d = 1.20).',
      'Culture declined by 3.2 points; the change is within what chance could produce (p = 0.310, d = -0.20).',
      'Process improved by 12 points; the change is statistically significant (p = 0.010, d = 0.60).',
      'Interaction improved by 1 point; there are too few responses to test the change.',
    ]);
  });

  it('says the same in Persian, with Persian digits', () => {
    const m = buildTrendReportModel(input(trend('fa', SPEC)), 'fa');
    expect(comparison(m).summary.sentences).toEqual([
      'آمادگی کلی ۱۲ امتیاز بهبود یافت؛ این تغییر از نظر آماری معنادار است.',
      'فرهنگ ۳٫۲ امتیاز کاهش یافت؛ این تغییر در محدوده‌ای است که تصادف هم می‌تواند پدید آورد.',
      'فرایند ۱۲ امتیاز بهبود یافت؛ این تغییر از نظر آماری معنادار است.',
      'تعامل ۱ امتیاز بهبود یافت؛ پاسخ‌ها برای آزمودن این تغییر بسیار کم است.',
    ]);
  });

  it('says when there is no score to compare, and when nothing changed', () => {
    const spec = { ...SPEC, overall: { scores: [null, 50, 50], change: untested(null) }, culture: { scores: [60, 60, 60.02], change: tested(0.02, 0.99, 0) } };
    const en = comparison(buildTrendReportModel(input(trend('en', spec)), 'en')).summary;
    expect(en.sentences[0]).toBe('Overall readiness cannot be compared: one of the assessments has no score for it.');
    expect(en.sentences[1]).toBe('Culture stayed the same; the change is within what chance could produce (p = 0.990, d = 0.00).');
    expect(en.cards[0]).toMatchObject({ id: 'overall', from: '—', to: '50.0', delta: '—', trend: null, verdict: 'no score to compare' });
    expect(en.cards[1]).toMatchObject({ trend: 'flat' });
  });

  it('shows the first → last change on a card per group, coloured by its direction', () => {
    const { cards } = comparison(buildTrendReportModel(input(trend('fa', SPEC)), 'fa')).summary;
    expect(cards.map((c) => [c.id, c.from, c.to, c.delta, c.trend, c.verdict])).toEqual([
      ['overall', '۵۰٫۰', '۶۲٫۰', '\u200e+۱۲٫۰', 'up', 'تغییر معنادار'],
      ['culture', '۶۰٫۰', '۵۶٫۸', '\u200e−۳٫۲', 'down', 'در محدوده‌ی تصادف'],
      ['process', '۴۰٫۰', '۵۲٫۰', '\u200e+۱۲٫۰', 'up', 'تغییر معنادار'],
      ['interaction', '۵۵٫۰', '۵۶٫۰', '\u200e+۱٫۰', 'up', 'پاسخ برای آزمون کم است'],
    ]);
  });
});

describe('the table of changes, levels and movers', () => {
  it('has first → last, then each consecutive pair, with Δ, CI, p, d and a significance mark', () => {
    const { changes } = comparison(buildTrendReportModel(input(trend('en', SPEC)), 'en'));
    expect(changes.tables.map((t) => t.heading)).toEqual([
      'First to last: “\u2068ارزیابی 1\u2069” to “\u2068ارزیابی 3\u2069”',
      '“\u2068ارزیابی 1\u2069” to “\u2068ارزیابی 2\u2069”',
      '“\u2068ارزیابی 2\u2069” to “\u2068ارزیابی 3\u2069”',
    ]);
    expect(changes.tables[0].dates).toBe('20 October 2024 to 20 October 2025');
    const rows = changes.tables[0].table.rows.map((r) => r.cells.map((c) => c.text));
    expect(rows).toEqual([
      ['Overall readiness', '50.0', '62.0', '+12.0', '+7.0 to +17.0', '< 0.001', '1.20', '***'],
      ['Culture', '60.0', '56.8', '-3.2', '-8.2 to +1.8', '0.310', '-0.20', '—'],
      ['Process', '40.0', '52.0', '+12.0', '+7.0 to +17.0', '0.010', '0.60', '*'],
      ['Interaction', '55.0', '56.0', '+1.0', '—', '—', '—', 'not tested'],
    ]);
    expect(changes.tables[0].table.rows.map((r) => r.emphasis)).toEqual([true, false, true, false]);
    expect(changes.tables[0].table.columns).toHaveLength(8);
  });

  it('names every level transition between consecutive assessments', () => {
    const { levels } = comparison(buildTrendReportModel(input(trend('en', SPEC)), 'en'));
    expect(levels.table.rows[0].cells.map((c) => c.text)).toEqual(['Overall readiness', '3: Defined', '3: Defined', '4: Managed']);
    expect(levels.sentences).toEqual([
      'Overall readiness rose from level 3 (Defined) to level 4 (Managed) between 20 April 2025 and 20 October 2025.',
      'Culture fell from level 4 (Managed) to level 3 (Defined) between 20 October 2024 and 20 April 2025.',
    ]);
  });

  it('lists the top movers with their text and the seed text they come from, and says when none moved down', () => {
    const { movers } = comparison(buildTrendReportModel(input(trend('fa', SPEC)), 'fa'));
    expect(movers.up!.rows[0].cells.map((c) => c.text)).toEqual(['تا چه اندازه مشتریان را می‌شناسیم؟', 'متن ۳: اصول و ساختار مشتری‌مداری', '۴۰٫۰', '۶۵٫۰', '\u200e+۲۵٫۰']);
    expect(movers.up!.rows[0].cells[0].dir).toBe('rtl');
    expect(movers.down).toBeNull();
    expect(movers.empty).toBe('هیچ پرسشی در این جهت تغییر نکرد.');
  });
});

describe('charts', () => {
  it('gives one line chart per dimension with its CI band, and an overview without bands', () => {
    const { charts } = comparison(buildTrendReportModel(input(trend('fa', SPEC)), 'fa'));
    expect(charts.overview.series.map((s) => [s.id, s.ci])).toEqual([['overall', null], ['culture', null], ['process', null], ['interaction', null]]);
    expect(charts.dimensions.map((c) => c.title)).toEqual(['فرهنگ', 'فرایند', 'تعامل']);
    const process = charts.dimensions[1];
    expect(process.labels).toEqual(['۲۹ مهر ۱۴۰۳', '۳۱ فروردین ۱۴۰۴', '۲۸ مهر ۱۴۰۴']);
    expect(process.series[0]).toMatchObject({ values: [40, 46, 52], ci: [[34, 46], [40, 52], [46, 58]], valueLabels: ['۴۰٫۰', '۴۶٫۰', '۵۲٫۰'] });
    expect([process.yMin, process.yMax]).toEqual([20, 70]);
  });

  it('fits the axis to the scores in steps of 10, at least 30 wide, within 0–100', () => {
    expect(yRange([])).toEqual({ yMin: 0, yMax: 100 });
    expect(yRange([55, 58])).toEqual({ yMin: 40, yMax: 70 });
    expect(yRange([2, 99])).toEqual({ yMin: 0, yMax: 100 });
    expect(yRange([97, 99])).toEqual({ yMin: 70, yMax: 100 });
  });
});

describe('cover, versions and the short report', () => {
  it('lists the assessments compared, with dates in the report\'s calendar and respondents', () => {
    const fa = buildTrendReportModel(input(trend('fa', SPEC)), 'fa');
    expect(fa.cover.title).toBe('مقایسه‌ی ۳ ارزیابی');
    expect(fa.cover.assessments.rows[0].cells.map((c) => c.text)).toEqual(['۱', 'ارزیابی 1', '۲۹ مهر ۱۴۰۳', '۲۰ از ۲۵', '۱']);
    expect(fa.cover.compatibility).toBeNull();
    expect(fa.header.subtitle.text).toBe('مقایسه در گذر زمان: ۲۹ مهر ۱۴۰۳ تا ۲۸ مهر ۱۴۰۴');
    expect(fa.fileName).toBe('mehvar-trend-org-1-fa.pdf');
    const en = buildTrendReportModel(input(trend('en', SPEC)), 'en');
    expect(en.cover.facts).toContainEqual({ label: 'Period', value: '20 October 2024 to 20 October 2025' });
    expect(en.cover.organizationAlt).toEqual({ text: 'شرکت نمونه پارس', dir: 'rtl' });
  });

  it('says so on the cover, in the summary and in the appendix when questionnaire versions differ', () => {
    const m = buildTrendReportModel(input(trend('en', SPEC, { versionsDiffer: true })), 'en');
    const note = 'These assessments used different questionnaire versions (1 and 2); they are compared on the 40 items every version shares, out of 50 items in all (compatibility 0.80).';
    expect(m.cover.compatibility).toContain(note);
    expect(m.cover.facts).toContainEqual({ label: 'Questionnaire', value: 'Mehvar questionnaire, versions 1 and 2' });
    expect(comparison(m).summary.compatibility).toContain(note);
    expect(comparison(m).methodology.blocks.flatMap((b) => b.paragraphs).some((p) => p.includes(note))).toBe(true);
  });

  it('gives a short report with the baseline for a single assessment, and without it for none', () => {
    const one = trend('en', { overall: { scores: [50], change: untested(null) }, culture: { scores: [60], change: untested(null) }, process: { scores: [40], change: untested(null) }, interaction: { scores: [55], change: untested(null) } });
    one.overall.changes = [];
    for (const d of one.dimensions) d.changes = [];
    const m = buildTrendReportModel(input(one), 'en');
    expect(m.body.kind).toBe('single');
    if (m.body.kind !== 'single') return;
    expect(m.body.title).toBe('Nothing to compare yet');
    expect(m.body.paragraphs[0]).toBe('Only one assessment (“\u2068ارزیابی 1\u2069”, 20 October 2024) is included, and a comparison needs at least two.');
    expect(m.body.baseline!.table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Overall readiness', '50.0', '—', '3: Defined', '20'],
      ['Culture', '60.0', '54.0–66.0', '4: Managed', '20'],
      ['Process', '40.0', '34.0–46.0', '3: Defined', '20'],
      ['Interaction', '55.0', '49.0–61.0', '3: Defined', '20'],
    ]);
    expect(m.header.subtitle.text).toBe('Customer-centricity: comparison over time');

    const none = { ...one, assessments: [], overall: { ...one.overall, points: [] }, dimensions: one.dimensions.map((d) => ({ ...d, points: [] })) };
    const empty = buildTrendReportModel(input(none), 'en');
    expect(empty.body).toMatchObject({ kind: 'single', baseline: null });
    expect(empty.cover.assessments.rows).toEqual([]);
  });

  it('refuses a trend presented in the other language', () => {
    expect(() => buildTrendReportModel(input(trend('en', SPEC)), 'fa')).toThrow(/in en/);
  });
});

describe('a realistic trend of the real questionnaire', () => {
  const q = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires')).get('mehvar-core')!.definition;

  function point(id: string, date: string, count: number, seed: number, lift: number): TrendPoint {
    const random = seededRandom(seed);
    const responses = Array.from({ length: count }, (_, i) => {
      const role = i % 4 === 0 ? ('manager' as const) : ('staff' as const);
      const raw = demoAnswers(q, { role, department: '' }, random);
      for (const item of q.items) {
        const v = raw[item.id];
        if (typeof v === 'number' && random() < lift) raw[item.id] = Math.min(5, Math.max(1, v + (item.reverse ? -1 : 1)));
      }
      return { id: `${id}-${i}`, role, department: null, answers: decodeAnswers(encodeAnswers(toAnswerVector(q, raw))) };
    });
    const results = computeResults({ items: q.items, responses, invited: count + 5, headcount: 60, anonymityThreshold: 5, targets: null, excludeFlagged: false });
    return { assessmentId: id, title: `ارزیابی ${id}`, date, questionnaire: { id: q.id, version: q.version }, results, overallComposite: overallComposite(q.items, responses) };
  }

  const points = [point('a', '2024-10-20T08:00:00Z', 30, 1, 0), point('b', '2025-04-20T08:00:00Z', 26, 2, 0.3), point('c', '2025-10-20T08:00:00Z', 34, 3, 0.6)];
  const build = (lang: 'fa' | 'en') =>
    buildTrendReportModel(
      {
        organization: ORG,
        trend: presentTrend({ orgId: 'org-1', points, items: q.items, q, compatibility: { value: 1, sharedItems: q.items.length, totalItems: q.items.length, versionsDiffer: false }, trend: buildTrend(points) }, lang),
        questionnaire: q,
        generatedAt: GENERATED,
      },
      lang,
    );

  /** Every string in the model with the key it sits under. */
  function strings(value: unknown, key = ''): { key: string; text: string }[] {
    if (typeof value === 'string') return [{ key, text: value }];
    if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
    return [];
  }

  it('writes every figure of the Persian report in Persian digits, and dates in the Solar Hijri calendar', () => {
    const m = build('fa');
    const prose = strings(m).filter((s) => !['generatedAt', 'fileName', 'formulas', 'locale', 'primaryColor'].includes(s.key));
    expect(prose.filter((s) => /[0-9]/.test(s.text))).toEqual([]);
    // 20 October is 29 Mehr in 1403 but 28 Mehr in 1404: 1403 is a leap year.
    expect(comparison(m).charts.overview.labels).toEqual(['۲۹ مهر ۱۴۰۳', '۳۱ فروردین ۱۴۰۴', '۲۸ مهر ۱۴۰۴']);
    expect(m.dir).toBe('rtl');
    expect(m.locale).toBe('fa-IR');
  });

  it('is plain data that survives a structured clone, with the real dimension names', () => {
    const m = build('en');
    expect(structuredClone(m)).toEqual(m);
    expect(comparison(m).charts.dimensions.map((c) => c.title)).toEqual(['Culture', 'Process', 'Interaction']);
    expect(comparison(m).movers.up!.rows.length).toBeGreaterThan(0);
    expect(comparison(m).changes.detail.rows.length).toBe(2 + q.sections.length);
    expect(strings(m).filter((s) => /[\u06F0-\u06F9]/.test(s.text) && !s.text.includes('ارزیابی'))).toEqual([]);
  });
});
