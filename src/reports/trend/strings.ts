import type { ReportLang } from '../text/index.js';
import { TREND_EN } from './strings.en.js';
import { TREND_FA } from './strings.fa.js';

// Every fixed phrase of the comparison report in both languages. Templates take already formatted figures,
// so digits and separators are decided in one place (model.ts, through the assessment report's format.ts).

/** How a change reads: its direction, and what the test says about it. */
export type Movement = 'up' | 'down' | 'flat';
export type Verdict = 'significant' | 'chance' | 'untested';

export interface TrendStrings {
  kicker: string;
  pageLabel: string;
  coverTitle: (n: string) => string;
  coverNote: string;
  subtitle: (from: string, to: string) => string;
  facts: { date: string; period: string; questionnaire: string; assessments: string };
  period: (from: string, to: string) => string;
  questionnaire: (title: string, versions: string, several: boolean) => string;
  /** "1, 2 and 3" */
  list: (items: string[]) => string;
  assessmentsTitle: string;
  assessmentColumns: { number: string; title: string; date: string; respondents: string; version: string };
  respondentsOf: (submitted: string, invited: string) => string;
  compatibility: (versions: string, shared: string, total: string, ratio: string) => string;

  single: {
    title: string;
    none: string[];
    one: (title: string, date: string) => string[];
    baselineTitle: string;
    columns: { group: string; score: string; ci: string; level: string; n: string };
  };

  summary: {
    title: string;
    intro: (n: string, organization: string, from: string, to: string) => string;
    sentencesTitle: string;
    /** The first clause: "Process improved by 12 points". */
    moved: (name: string, points: string, movement: Movement) => string;
    /** The second clause, with the sentence's end. */
    verdict: (verdict: Verdict, stats: string | null) => string;
    /** `p` comes with its relation: "= 0.01" or "< 0.001". */
    stats: (p: string, d: string | null) => string;
    noScore: (name: string) => string;
    cardVerdict: Record<Verdict, string>;
    noScoreCard: string;
  };

  charts: {
    title: string;
    intro: string;
    overview: string;
    scoreLabel: string;
    ciLabel: string;
  };

  changes: {
    title: string;
    intro: string;
    firstToLast: (a: string, b: string) => string;
    pair: (a: string, b: string) => string;
    /** "«title»" */
    assessment: (title: string) => string;
    columns: { group: string; before: string; after: string; change: string; ci: string; p: string; d: string; mark: string };
    detailTitle: string;
    detailGroup: string;
    notTested: string;
    ciRange: (lo: string, hi: string) => string;
    marksNote: string;
  };

  levels: {
    title: string;
    intro: string;
    group: string;
    level: (n: string, name: string) => string;
    /** "2 (Emerging)", inside a sentence. */
    levelRef: (n: string, name: string) => string;
    rose: (name: string, from: string, to: string, a: string, b: string) => string;
    fell: (name: string, from: string, to: string, a: string, b: string) => string;
    none: string;
  };

  movers: {
    title: string;
    intro: string;
    upTitle: string;
    downTitle: string;
    columns: { item: string; source: string; before: string; after: string; change: string };
    empty: string;
    none: string;
  };

  methodology: TrendMethodologyStrings;
}

export interface TrendMethodologyStrings {
  title: string;
  change: { heading: string; paragraphs: string[] };
  welch: { heading: string; paragraphs: string[] };
  effect: { heading: string; paragraphs: string[] };
  overall: { heading: string; paragraphs: string[] };
  compatibility: { heading: string; paragraphs: string[] };
  caution: { heading: string; paragraphs: string[] };
}

/** Formulas are written left to right in both languages; Vazirmatn has √ ² ⁴ − · ± but no Δ. */
export const FORMULAS = {
  change: [
    'change = mean_B − mean_A        SE = √(sd_A²/n_A + sd_B²/n_B)        t = change / SE',
    '95% CI = change ± t(0.975, df) · SE',
  ],
  welch: ['df = SE⁴ / ((sd_A²/n_A)² / (n_A − 1) + (sd_B²/n_B)² / (n_B − 1))'],
  effect: ['d = change / s_p        s_p = √(((n_A − 1) · sd_A² + (n_B − 1) · sd_B²) / (n_A + n_B − 2))'],
  compatibility: ['compatibility = |items shared by every version| / |items of any version|'],
} as const;

export function trendStrings(lang: ReportLang): TrendStrings {
  return lang === 'fa' ? TREND_FA : TREND_EN;
}
