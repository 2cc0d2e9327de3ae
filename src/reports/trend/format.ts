import type { PresentedTrend } from '../../domain/presentTrend.js';
import { createFmt, type Fmt } from '../model/format.js';
import { formatNumber, type ReportLang } from '../text/format.js';
import type { Movement, Verdict } from './strings.js';

// The figures of a change, formatted the same way in the cards, sentences and tables.

export type Series = PresentedTrend['overall'];
export type SeriesPoint = Series['points'][number];
export type SeriesChange = Series['changes'][number];

export interface TrendFmt extends Fmt {
  /** |Δ| rounded to one decimal, without trailing zeros: "12", "3.5" (the sentence says "improved by"). */
  points(delta: number): string;
  /** Three decimals: "0.010", "0.287", "< 0.001". */
  p(p: number): string;
  /** The p-value with its relation, for "p = 0.287" and "p < 0.001". */
  pRelation(p: number): string;
  /** Cohen's d, two decimals. */
  d(d: number): string;
  /** Compatibility as a ratio with two decimals. */
  ratio(r: number): string;
}

export function createTrendFmt(lang: ReportLang): TrendFmt {
  const fmt = createFmt(lang);
  const three = (n: number) => formatNumber(n, lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return {
    ...fmt,
    points: (delta) => formatNumber(Math.abs(roundTo1(delta)), lang, { maximumFractionDigits: 1 }),
    p: (p) => (p < 0.001 ? `< ${three(0.001)}` : three(p)),
    pRelation: (p) => (p < 0.001 ? `< ${three(0.001)}` : `= ${three(p)}`),
    d: (d) => formatNumber(d, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    ratio: (r) => formatNumber(r, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
}

export function roundTo1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? 0 : r;
}

/** Up, down or flat as the reader sees it: a change that rounds to 0.0 is no change. */
export function movementOf(delta: number): Movement {
  const r = roundTo1(delta);
  return r > 0 ? 'up' : r < 0 ? 'down' : 'flat';
}

export function verdictOf(c: SeriesChange): Verdict {
  if (!c.tested) return 'untested';
  return c.significant ? 'significant' : 'chance';
}

/** "*", "**", "***" for a significant change; null otherwise. */
export function stars(c: SeriesChange): string | null {
  if (!c.tested || !c.significant || c.p === null) return null;
  return c.p < 0.001 ? '***' : c.p < 0.01 ? '**' : '*';
}

export function scoreAt(series: Series, assessmentId: string): number | null {
  return series.points.find((p) => p.assessmentId === assessmentId)?.score ?? null;
}

export function changeBetween(series: Series, from: string | undefined, to: string | undefined): SeriesChange | undefined {
  return series.changes.find((c) => c.from === from && c.to === to);
}

/** A point's maturity level, when it has one (presentTrend types it loosely). */
export function levelOf(p: SeriesPoint): { value: number; name: string | null } | null {
  const level: unknown = p.level;
  return level !== null && typeof level === 'object' ? (level as { value: number; name: string | null }) : null;
}
