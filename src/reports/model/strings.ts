import type { ReportLang } from '../text/index.js';
import { EN } from './strings.en.js';
import { FA } from './strings.fa.js';
import type { Priority } from './types.js';

// Every fixed phrase of the report in both languages. Templates take already formatted figures, so digits
// and separators are decided in one place (format.ts).

export interface Strings {
  reportTitle: string;
  pageLabel: string;
  coverNote: string;
  facts: {
    date: string; period: string; respondents: string; responseRate: string; sector: string; headcount: string;
    questionnaire: string; threshold: string;
  };
  respondentsOf: (submitted: string, invited: string) => string;
  respondentsOnly: (submitted: string) => string;
  noRate: string;
  periodOpen: (from: string) => string;
  periodClosed: (from: string, to: string) => string;
  questionnaireVersion: (title: string, version: string) => string;
  /** `invited` is null when no invitations were recorded. */
  noResponses: { title: string; paragraphs: (invited: string | null, threshold: string) => string[] };
  withheld: {
    title: string;
    paragraphs: (submitted: string, count: number, invited: string | null, threshold: string) => string[];
    open: (more: string, count: number) => string;
  };

  summary: {
    title: string;
    /** `n` formatted, `count` the number (English needs it for the plural). */
    intro: (n: string, count: number, title: string) => string;
    overall: string; outOf: string;
    level: (n: string, name: string) => string;
    noOverall: string;
    capped: (scoreLevel: string, weakest: string) => string;
    pending: (inFigures: string, pending: string, count: number, more: string) => string;
    heldOut: (inFigures: string, pending: string, count: number, threshold: string) => string;
    strongest: string; weakest: string;
    dimensionLine: (name: string, score: string) => string;
    target: (t: string) => string;
    urgent: (count: number) => string;
    urgentEmpty: string;
  };
  priority: Record<Priority, string>;
  targetSection: (title: string) => string;
  targetItem: (number: string, section: string) => string;

  profile: {
    title: string; intro: string; scoreLabel: string; targetLabel: string; noTargets: string; withTargets: string;
    ladder: string; current: string; noLevel: string;
    columns: { dimension: string; score: string; ci: string; level: string; target: string; gap: string; alpha: string; rwg: string };
    range: (lo: string, hi: string) => string;
  };
  scores: {
    title: string; intro: string; scoreLabel: string; levelLabel: string; sectionLabel: string; ciLabel: string;
    columns: { group: string; n: string; score: string; ci: string };
    levelPrefix: string;
  };
  distributions: {
    /** intro names "not applicable" only where the questionnaire offers it (mehvar-core v2, not v1). */
    title: string; intro: (withNa: boolean) => string; reverse: string; continued: string;
    n: (n: string) => string;
  };
  groups: {
    title: string; intro: string; byRole: string; byDepartment: string;
    roles: Record<'manager' | 'staff', string>;
    columns: { group: string; n: string };
    insufficient: string;
    noDepartments: string;
    noneShown: string;
    gapTitle: string;
    gapColumns: { dimension: string; manager: string; staff: string; gap: string };
    gapNotShown: (threshold: string) => string;
    gapLargest: (dimension: string, points: string, higher: boolean) => string;
    gapNone: string;
  };
  recommendations: {
    title: string; intro: string; source: string; empty: string;
    figures: (score: string, target: string) => string;
  };
  methodology: {
    title: string;
    reliabilityTitle: string;
    reliabilityColumns: { dimension: string; alpha: string; alphaMeaning: string; rwg: string; rwgMeaning: string };
    alphaOk: string; alphaLow: string; rwgOk: string; rwgLow: string; notComputed: string;
    countsTitle: string;
    counts: { invited: string; submitted: string; rate: string; flagged: string; population: string; scored: (d: string) => string };
    populationUnknown: string;
    flaggedTitle: string;
    flaggedText: (n: string, count: number) => string;
    flaggedNone: string;
    flaggedMore: (n: string) => string;
  };
}

export function stringsFor(lang: ReportLang): Strings {
  return lang === 'fa' ? FA : EN;
}
