import type { Lang } from '../questionnaire/localize.js';
import type { Item, Questionnaire } from '../questionnaire/schema.js';
import { seedTitle } from '../questionnaire/sources.js';
import type { Change } from './change.js';
import type { Ci95 } from './describe.js';
import type { GroupSeries, TrendPoint, buildTrend } from './trend.js';
import type { MeasuredAction } from './actionsChange.js';
import { presentTrendActions } from './actionsPresent.js';
import { type CustomerTrend, presentCustomerTrend } from './customerTrend.js';

const ci = (c: Ci95 | null): [number, number] | null => (c ? [c.low, c.high] : null);

function changeOut(c: Change) {
  return { delta: c.delta, ci95: ci(c.ci95), se: c.se, t: c.t, df: c.df, p: c.p, cohensD: c.cohensD, significant: c.significant, tested: c.tested };
}

/** That the versions differ and what they are compared on, in the reader's language (Persian digits in fa). */
function versionsNote(shared: number, total: number, lang: Lang): string {
  if (lang === 'en') return `Different questionnaire versions: compared on the ${shared} items they share, of ${total}.`;
  const n = (x: number) => x.toLocaleString('fa-IR');
  return `نسخه‌های پرسش‌نامه متفاوت است: مقایسه بر پایه‌ی ${n(shared)} پرسش مشترک از ${n(total)} پرسش انجام شده است.`;
}

/** The trend as the API serves it: names in one language, CIs as [lo, hi], numbers unrounded. */
export function presentTrend(
  input: { orgId: string; points: TrendPoint[]; items: Item[]; q: Questionnaire | undefined; compatibility: { value: number; sharedItems: number; totalItems: number; versionsDiffer: boolean }; trend: ReturnType<typeof buildTrend> & { actions?: MeasuredAction[]; customers?: CustomerTrend | null } },
  lang: Lang,
) {
  const { q, trend } = input;
  const name = (s: GroupSeries) =>
    s.kind === 'overall' ? (lang === 'fa' ? 'آمادگی کلی' : 'Overall readiness')
      : s.kind === 'dimension' ? q?.dimensions.find((d) => d.id === s.group)?.name[lang]
        : s.kind === 'level' ? q?.levels.find((l) => l.id === s.group)?.name[lang]
          : q?.sections.find((x) => x.id === s.group)?.title[lang];
  const levelName = (v: number | null | undefined) => (v ? q?.maturityLevels.find((m) => m.level === v)?.name[lang] ?? null : null);
  const seriesOut = (s: GroupSeries) => ({
    id: s.group,
    kind: s.kind,
    name: name(s) ?? s.group,
    points: s.points.map((p) => ({ ...p, ci95: ci(p.ci95), ...(p.level !== undefined && { level: p.level === null ? null : { value: p.level, name: levelName(p.level) } }) })),
    changes: s.changes.map((c) => ({ from: c.from, to: c.to, ...changeOut(c.change) })),
  });
  const itemText = new Map(input.items.map((i) => [i.id, i.text[lang]]));
  // The seed text an item comes from, named for people (never a file name).
  const itemSource = new Map(input.items.map((i) => [i.id, seedTitle(q ?? {}, i.source.file, lang)]));
  return {
    organizationId: input.orgId,
    lang,
    assessments: input.points.map((p) => ({ id: p.assessmentId, title: p.title, date: p.date, questionnaire: p.questionnaire, respondents: p.results.respondents })),
    compatibility: {
      ...input.compatibility,
      note: input.compatibility.versionsDiffer ? versionsNote(input.compatibility.sharedItems, input.compatibility.totalItems, lang) : null,
    },
    overall: seriesOut(trend.overall),
    dimensions: trend.dimensions.map(seriesOut),
    levels: trend.levels.map(seriesOut),
    sections: trend.sections.map(seriesOut),
    transitions: trend.transitions.map((t) => ({
      ...t,
      overall: { from: t.overall.from, to: t.overall.to, fromName: levelName(t.overall.from), toName: levelName(t.overall.to) },
    })),
    movers: {
      up: trend.movers.up.map((m) => ({ ...m, text: itemText.get(m.id) ?? m.id, source: itemSource.get(m.id) ?? '' })),
      down: trend.movers.down.map((m) => ({ ...m, text: itemText.get(m.id) ?? m.id, source: itemSource.get(m.id) ?? '' })),
    },
    actions: presentTrendActions(trend.actions ?? [], lang),
    customers: presentCustomerTrend(trend.customers, lang),
  };
}

export type PresentedTrend = ReturnType<typeof presentTrend>;
