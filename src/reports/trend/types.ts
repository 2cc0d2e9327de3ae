// The comparison-over-time report as plain data: every string in the report's language and formatted
// (digits, dates, separators), every number a chart needs as a plain number. Like the assessment
// report's model it holds no functions, Dates or class instances, so it could cross a worker boundary.

import type { DirectedText, ReportBranding, Table, TextDirection } from '../model/types.js';
import type { ReportLang } from '../text/index.js';
import type { ActionsSection } from '../model/actions.js';
import type { TrendCustomersSection } from './customers.js';

/** What a series is: colours come from the palette by this id. */
export type SeriesId = 'overall' | 'culture' | 'process' | 'interaction';

export interface TrendReportModel {
  lang: ReportLang;
  dir: TextDirection;
  /** Chart.js locale: Persian digits on the axes in fa. */
  locale: 'fa-IR' | 'en-US';
  /** ISO time; the PDF's creation date, so the same data renders to the same bytes. */
  generatedAt: string;
  fileName: string;
  info: { title: string; subject: string; author: string };
  header: { organization: DirectedText; subtitle: DirectedText };
  /** "صفحه {page} از {pages}"; the renderer fills in digits in the report's locale. */
  pageLabel: string;
  cover: TrendCover;
  /** The consultant's firm: on the cover, in the page header and as the charts' primary colour. */
  branding: ReportBranding;
  /** Two or more assessments: the comparison; fewer: a page saying there is nothing to compare yet. */
  body: TrendComparison | NothingToCompare;
}

export interface TrendCover {
  kicker: string;
  organization: DirectedText;
  organizationAlt: DirectedText | null;
  title: string;
  facts: { label: string; value: string }[];
  assessmentsTitle: string;
  /** One row per assessment, oldest first: number, title, date, respondents, questionnaire. */
  assessments: Table;
  /** Present when the questionnaire versions differ. */
  compatibility: string | null;
  note: string;
}

export interface NothingToCompare {
  kind: 'single';
  title: string;
  paragraphs: string[];
  /** The one assessment's scores, the baseline of a later comparison; null without any assessment. */
  baseline: { title: string; table: Table } | null;
}

export interface TrendComparison {
  kind: 'comparison';
  summary: TrendSummary;
  charts: TrendChartsSection;
  changes: ChangesSection;
  levels: LevelsSection;
  movers: MoversSection;
  methodology: TrendMethodology;
  /** The actions per interval with their targets' measured change (reports/trend/actions.ts); absent without actions. */
  actions?: ActionsSection | null;
  /** The customers' own scores across the assessments (reports/trend/customers.ts); absent without customer surveys. */
  customers?: TrendCustomersSection | null;
}

export interface ChangeCard {
  id: SeriesId;
  name: string;
  /** First and last score; the renderer draws an arrow between them in reading direction. */
  from: string;
  to: string;
  delta: string;
  /** Direction of the change, for the card's colour; null when there is no score to compare. */
  trend: 'up' | 'down' | 'flat' | null;
  verdict: string;
}

export interface TrendSummary {
  title: string;
  intro: string;
  cards: ChangeCard[];
  sentencesTitle: string;
  /** One plain-language sentence for overall readiness, then one per dimension (first → last). */
  sentences: string[];
  compatibility: string | null;
}

export interface LineSeries {
  id: SeriesId;
  label: string;
  values: (number | null)[];
  /** The 95% CI of each point, or null (the overall score has none: it is a mean of three means). */
  ci: ([number, number] | null)[] | null;
  /** The score written beside each point. */
  valueLabels: string[];
}

export interface LineChart {
  title: string;
  /** One label per assessment, oldest first (the renderer reverses the axis in a right-to-left report). */
  labels: string[];
  series: LineSeries[];
  yMin: number;
  yMax: number;
  scoreLabel: string;
  ciLabel: string;
}

export interface TrendChartsSection {
  title: string;
  intro: string;
  overview: LineChart;
  dimensions: LineChart[];
}

export interface ChangeTable {
  heading: string;
  /** When the two assessments were: "3 November 2024 to 8 November 2025". */
  dates: string;
  table: Table;
}

export interface ChangesSection {
  title: string;
  intro: string;
  /** First → last, then each consecutive pair (first → last alone when there are just two). */
  tables: ChangeTable[];
  detailTitle: string;
  /** Levels and sections, first → last. */
  detail: Table;
  marksNote: string;
}

export interface LevelsSection {
  title: string;
  intro: string;
  /** Group × assessment: the maturity level of each. */
  table: Table;
  sentences: string[];
}

export interface MoversSection {
  title: string;
  intro: string;
  upTitle: string;
  up: Table | null;
  downTitle: string;
  down: Table | null;
  empty: string;
}

export interface TrendMethodology {
  title: string;
  blocks: { heading: string; paragraphs: string[]; formulas: string[] }[];
}
