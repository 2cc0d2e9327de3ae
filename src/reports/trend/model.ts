import type { PresentedTrend } from '../../domain/presentTrend.js';
import type { DirectedText, Table } from '../model/types.js';
import type { ReportLang } from '../text/index.js';
import { createTrendFmt, levelOf, type Series, type TrendFmt } from './format.js';
import { changesSection } from './changes.js';
import { trendActionsSection } from './actions.js';
import { trendCustomersSection } from './customers.js';
import { chartsSection, compatibilityNote, levelsSection, methodologySection, moversSection, summarySection, versionList } from './sections.js';
import { trendStrings, type TrendStrings } from './strings.js';
import type { NothingToCompare, TrendCover, TrendReportModel } from './types.js';
import { BUILT_IN_BRANDING, type Branding } from '../../domain/branding.js';
import { reportBranding } from '../model/buildReportModel.js';

export interface TrendReportInput {
  organization: { name: { fa: string; en: string | null } };
  /** presentTrend(...) in the report's language. */
  trend: PresentedTrend;
  /** The questionnaire's title (of the latest version compared), when known. */
  questionnaire: { title: { fa: string; en: string } } | null;
  generatedAt: Date;
  /** The firm the report is branded with (services/branding.ts); Mehvar's own when absent. */
  branding?: Branding;
}

/** What the section builders share. */
export interface TrendCtx {
  input: TrendReportInput;
  t: PresentedTrend;
  lang: ReportLang;
  fmt: TrendFmt;
  s: TrendStrings;
  organization: DirectedText;
  /** Each assessment's date, formatted, by id. */
  dates: Map<string, string>;
  /** Overall readiness, then the three dimensions. */
  main: Series[];
}

/**
 * The comparison report as plain data in one language (pure: no I/O, no clock). The renderer only draws
 * what this returns. With fewer than two assessments it is a cover and a page saying there is nothing
 * to compare yet.
 */
export function buildTrendReportModel(input: TrendReportInput, lang: ReportLang): TrendReportModel {
  const t = input.trend;
  if (t.lang !== lang) throw new Error(`the trend is in ${t.lang}, the report is in ${lang}`);
  const fmt = createTrendFmt(lang);
  const s = trendStrings(lang);
  const organization = fmt.directed(lang === 'en' ? (input.organization.name.en ?? input.organization.name.fa) : input.organization.name.fa);
  const dates = new Map(t.assessments.map((a) => [a.id, fmt.date(new Date(a.date))]));
  const ctx: TrendCtx = { input, t, lang, fmt, s, organization, dates, main: [t.overall, ...t.dimensions] };

  const first = t.assessments[0];
  const last = t.assessments[t.assessments.length - 1];
  const subtitle = first && t.assessments.length > 1 ? s.subtitle(dates.get(first.id)!, dates.get(last.id)!) : s.kicker;

  return {
    lang,
    dir: fmt.dir,
    locale: lang === 'fa' ? 'fa-IR' : 'en-US',
    generatedAt: input.generatedAt.toISOString(),
    fileName: trendReportFileName(t.organizationId, lang),
    info: { title: `${s.kicker}: ${organization.text}`, subject: subtitle, author: 'Mehvar' },
    header: { organization, subtitle: fmt.directed(subtitle) },
    pageLabel: s.pageLabel,
    cover: cover(ctx),
    branding: reportBranding(input.branding ?? BUILT_IN_BRANDING, fmt),
    body:
      t.assessments.length < 2
        ? nothingToCompare(ctx)
        : {
            kind: 'comparison',
            summary: summarySection(ctx),
            charts: chartsSection(ctx),
            changes: changesSection(ctx),
            levels: levelsSection(ctx),
            movers: moversSection(ctx),
            methodology: methodologySection(ctx),
            actions: trendActionsSection(ctx),
            customers: trendCustomersSection(ctx),
          },
  };
}

/** The file name the report is offered under: ASCII only, so every browser keeps it. */
export function trendReportFileName(organizationId: string, lang: ReportLang): string {
  return `mehvar-trend-${organizationId}-${lang}.pdf`;
}

function cover(ctx: TrendCtx): TrendCover {
  const { input, t, lang, fmt, s, dates } = ctx;
  const alt = lang === 'fa' ? input.organization.name.en : input.organization.name.en ? input.organization.name.fa : null;
  const facts = [{ label: s.facts.date, value: fmt.date(input.generatedAt) }];
  const first = t.assessments[0];
  const last = t.assessments[t.assessments.length - 1];
  if (first && t.assessments.length > 1) facts.push({ label: s.facts.period, value: s.period(dates.get(first.id)!, dates.get(last.id)!) });
  if (input.questionnaire && first) facts.push({ label: s.facts.questionnaire, value: s.questionnaire(input.questionnaire.title[lang], versionList(ctx), t.compatibility.versionsDiffer) });
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const c = s.assessmentColumns;
  const assessments: Table = {
    columns: [
      { label: c.number, weight: 0.45, numeric: true },
      { label: c.title, weight: 2.6 },
      { label: c.date, weight: 1.35 },
      { label: c.respondents, weight: 1.05, numeric: true },
      { label: c.version, weight: 0.6, numeric: true },
    ],
    rows: t.assessments.map((a, i) => ({
      cells: [
        cell(fmt.count(i + 1)),
        fmt.directed(a.title),
        cell(dates.get(a.id)!),
        cell(a.respondents.invited > 0 ? s.respondentsOf(fmt.count(a.respondents.submitted), fmt.count(a.respondents.invited)) : fmt.count(a.respondents.submitted)),
        cell(fmt.count(a.questionnaire.version)),
      ],
    })),
  };
  return {
    kicker: s.kicker,
    organization: ctx.organization,
    organizationAlt: alt ? fmt.directed(alt) : null,
    title: s.coverTitle(fmt.count(t.assessments.length)),
    facts,
    assessmentsTitle: s.assessmentsTitle,
    assessments,
    compatibility: compatibilityNote(ctx),
    note: s.coverNote,
  };
}

function nothingToCompare(ctx: TrendCtx): NothingToCompare {
  const { t, fmt, s, dates, main } = ctx;
  const only = t.assessments[0];
  if (!only) return { kind: 'single', title: s.single.title, paragraphs: s.single.none, baseline: null };
  const c = s.single.columns;
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const rows = main.map((series, i) => {
    const p = series.points[0];
    const l = p ? levelOf(p) : null;
    const level = l ? ctx.s.levels.level(fmt.count(l.value), l.name ?? '') : '—';
    return {
      cells: [cell(series.name), cell(fmt.score(p?.score ?? null)), cell(p?.ci95 ? fmt.range(p.ci95) : '—'), cell(level), cell(fmt.count(p?.n ?? 0))],
      emphasis: i === 0,
    };
  });
  return {
    kind: 'single',
    title: s.single.title,
    paragraphs: s.single.one(`\u2068${only.title}\u2069`, dates.get(only.id)!),
    baseline: {
      title: s.single.baselineTitle,
      table: {
        columns: [
          { label: c.group, weight: 1.6 },
          { label: c.score, weight: 0.8, numeric: true },
          { label: c.ci, weight: 1.3, numeric: true },
          { label: c.level, weight: 1.6 },
          { label: c.n, weight: 0.9, numeric: true },
        ],
        rows,
      },
    },
  };
}
