// The report as plain data: every string already in the report's language and formatted (digits, dates,
// separators), every number the charts need as a plain number. It crosses a worker boundary by structured
// clone, so it holds no functions, Dates or class instances.

import type { DimensionId } from '../../questionnaire/schema.js';
import type { CommentsSection } from './comments.js';
import type { CustomerViewSection } from './customerView.js';
import type { ActionsSection } from './actions.js';
import type { ReportLang } from '../text/index.js';

export type TextDirection = 'rtl' | 'ltr';

/** A string whose direction differs from the report's (a Persian seed quote in the English report). */
export interface DirectedText {
  text: string;
  dir: TextDirection;
}

export interface Table {
  /** In reading order: the first column is drawn on the right in a right-to-left report. */
  columns: { label: string; weight: number; numeric?: boolean }[];
  rows: TableRow[];
}

export interface TableRow {
  cells: DirectedText[];
  /** A suppressed group: its cells after the first are replaced by one note spanning them. */
  note?: string;
  emphasis?: boolean;
}

export interface LabelledValue {
  label: string;
  value: string;
}

export interface ReportModel {
  lang: ReportLang;
  dir: TextDirection;
  /** Chart.js locale: Persian digits on the axes in fa. */
  locale: 'fa-IR' | 'en-US';
  /** ISO time; the PDF's creation date, so the same data renders to the same bytes. */
  generatedAt: string;
  fileName: string;
  info: { title: string; subject: string; author: string };
  header: { organization: DirectedText; assessment: DirectedText };
  /** "صفحه {page} از {pages}"; the renderer fills in digits in the report's locale. */
  pageLabel: string;
  cover: CoverModel;
  /** In page order. */
  sections: ReportSection[];
  /** The consultant's firm: on the cover, in the page header and as the charts' primary colour. */
  branding: ReportBranding;
}

/** The firm a report is branded with, as plain data (the DOCX and PDF renderers both draw it). */
export interface ReportBranding {
  /** Both languages, as the consultant typed them. */
  firmName: { fa: string; en: string };
  /** The name in the report's language, with its own direction. */
  firm: DirectedText;
  /** `#rrggbb`. */
  primaryColor: string;
  contact: DirectedText | null;
  /** PNG bytes, or null for none. */
  logoPng: Uint8Array | null;
}

export interface CoverModel {
  kicker: string;
  organization: DirectedText;
  /** The other language's name, when there is one. */
  organizationAlt: DirectedText | null;
  assessment: DirectedText;
  facts: LabelledValue[];
  note: string;
}

export type ReportSection =
  | NoResponsesSection
  | SummarySection
  | ProfileSection
  | ScoresSection
  | DistributionsSection
  | GroupsSection
  | RecommendationsSection
  | CommentsSection
  | BenchmarkSection
  | CustomerViewSection
  | MethodologySection
  | ActionsSection;

/** Where the organization stands among other organizations (never named); only with ≥ 5 of them. */
export interface BenchmarkSection {
  kind: 'benchmark';
  title: string;
  intro: string;
  table: Table;
}

export interface NoResponsesSection {
  kind: 'noResponses';
  title: string;
  paragraphs: string[];
}

export interface DimensionCard {
  id: DimensionId;
  name: string;
  score: string;
  level: string;
  /** What the level means for this dimension; null where the questionnaire does not say. */
  description: string | null;
  target: string | null;
}

export interface UrgentAction {
  priority: Priority;
  priorityLabel: string;
  text: string;
  target: DirectedText;
}

export type Priority = 'high' | 'medium' | 'low';

export interface SummarySection {
  kind: 'summary';
  title: string;
  intro: string;
  overall: {
    label: string;
    score: string;
    outOf: string;
    level: { value: number; label: string; description: string } | null;
  };
  /** Missing overall score, level capped by the weakest dimension, very few responses. */
  notes: string[];
  dimensions: DimensionCard[];
  highlights: LabelledValue[];
  urgentTitle: string;
  urgent: UrgentAction[];
  urgentEmpty: string | null;
}

export interface ProfileSection {
  kind: 'profile';
  title: string;
  intro: string;
  radar: {
    labels: string[];
    scores: (number | null)[];
    targets: (number | null)[] | null;
    scoreLabel: string;
    targetLabel: string;
  };
  radarNote: string;
  ladder: {
    title: string;
    current: number | null;
    currentLabel: string;
    steps: { level: number; label: string; name: string; range: string }[];
  };
  table: Table;
}

export interface ScoreBar {
  label: string;
  kind: 'level' | 'section';
  score: number | null;
  ci: [number, number] | null;
  valueLabel: string;
}

export interface ScoresSection {
  kind: 'scores';
  title: string;
  intro: string;
  chart: { bars: ScoreBar[]; scoreLabel: string; levelLabel: string; sectionLabel: string; ciLabel: string };
  table: Table;
}

export interface LikertItem {
  number: string;
  text: string;
  /** "پرسش معکوس" when a high answer lowers the score. */
  badge: string | null;
  /** Share of each scale point among the answers with an opinion, low to high; sums to 1 (or all 0). */
  shares: number[];
  /** Shares of the answers below and above the middle of the scale, formatted ("۳۲٪"). */
  lowLabel: string;
  highLabel: string;
  /** Share of "don't know" among everyone who gave any answer (a scale point, don't know or not applicable). */
  dontKnow: number;
  dontKnowLabel: string;
  /** Share of "not applicable", likewise; its label is null where the questionnaire offers no such answer. */
  notApplicable: number;
  notApplicableLabel: string | null;
  nLabel: string;
}

export interface DistributionsSection {
  kind: 'distributions';
  title: string;
  intro: string;
  scale: { label: string; tone: number }[];
  dontKnowLabel: string;
  /** Null where the questionnaire offers no "not applicable" answer. */
  notApplicableLabel: string | null;
  /** Appended to a section title repeated at the top of the next page. */
  continued: string;
  axis: { ticks: { value: number; label: string }[] };
  groups: { title: string; items: LikertItem[] }[];
}

export interface GroupBlock {
  title: string;
  /** Groups that may be shown; null when there is none. */
  chart: {
    categories: string[];
    series: { id: DimensionId; label: string; values: (number | null)[] }[];
  } | null;
  table: Table;
  empty: string | null;
}

export interface GroupsSection {
  kind: 'groups';
  title: string;
  intro: string;
  role: GroupBlock;
  department: GroupBlock;
  gap: { title: string; table: Table | null; text: string };
}

export interface RecommendationItem {
  rank: string;
  priority: Priority;
  priorityLabel: string;
  text: string;
  target: DirectedText;
  figures: string;
  sourceLabel: string;
  /** The seed text as named for people ("Text 5: Customer relationship management"), never its file name. */
  sourceTitle: string;
  /** In the report's language where the questionnaire translates it, else the Persian original. */
  quote: DirectedText;
  /** How the recommendation reads the quote, where the seed's wording cannot be taken at face value. */
  note: string | null;
}

export interface RecommendationsSection {
  kind: 'recommendations';
  title: string;
  intro: string;
  items: RecommendationItem[];
  empty: string | null;
}

export interface MethodBlock {
  heading: string;
  paragraphs: string[];
  /** Written left to right in both languages. */
  formulas: string[];
}

export interface MethodologySection {
  kind: 'methodology';
  title: string;
  blocks: MethodBlock[];
  reliability: { title: string; table: Table };
  counts: { title: string; table: Table };
  flagged: { title: string; text: string; ids: string[] };
}
