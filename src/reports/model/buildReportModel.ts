import { maturityLevel } from '../../domain/maturity.js';
import type { PresentedComments } from '../../domain/presentComments.js';
import { commentsSection } from './comments.js';
import { customerViewSection } from './customerView.js';
import type { PresentedCustomerView } from '../../domain/customerViewPresent.js';
import { actionSections } from './actions.js';
import type { ReportActions } from '../../domain/actionsChange.js';
import type { PresentedResults } from '../../domain/presentResults.js';
import type { DimensionId, Questionnaire } from '../../questionnaire/schema.js';
import type { ReportLang } from '../text/index.js';
import type { BenchmarkResult } from '../../domain/peerStanding.js';
import { methodologySection } from './appendix.js';
import { benchmarkSection } from './benchmarkSection.js';
import { createFmt, type Fmt } from './format.js';
import { groupsSection } from './groups.js';
import { recommendationsSection, recommendationTarget } from './recommendations.js';
import { distributionsSection, profileSection, scoresSection } from './scores.js';
import { stringsFor, type Strings } from './strings.js';
import type { CoverModel, LabelledValue, ReportModel, ReportSection, SummarySection } from './types.js';
import { BUILT_IN_BRANDING, type Branding } from '../../domain/branding.js';
import type { ReportBranding } from './types.js';

export interface ReportInput {
  organization: { name: { fa: string; en: string | null }; sector: string | null; headcount: number | null };
  assessment: {
    id: string;
    title: string;
    /** ISO times, as stored. */
    createdAt: string;
    closedAt: string | null;
    anonymityThreshold: number;
    targets: Partial<Record<DimensionId, number>> | null;
  };
  /** presentResults(...) in the report's language. */
  results: PresentedResults;
  questionnaire: Questionnaire;
  generatedAt: Date;
  /** Percentiles among other organizations the reader may see; shown only when available. */
  benchmark?: BenchmarkResult | null;
  /** presentCustomerView(...) in the report's language; its section is left out without a customer survey. */
  customerView?: PresentedCustomerView | null;
  /** presentComments(...) in the report's language; its section is left out when there are none to show. */
  comments?: PresentedComments | null;
  /** The consultant's firm (services/branding.ts); Mehvar's own when absent. */
  branding?: Branding;
  /** This round's open actions and the last round's, measured (services/actions.ts); no section without any. */
  actions?: ReportActions | null;
}

/** What the section builders share. */
export interface Ctx {
  input: ReportInput;
  r: PresentedResults;
  q: Questionnaire;
  lang: ReportLang;
  fmt: Fmt;
  s: Strings;
}

/**
 * The report as plain data in one language (pure: no I/O, no clock). The renderer only draws what this
 * returns; an assessment without responses gets a cover and a page saying so.
 */
export function buildReportModel(input: ReportInput, lang: ReportLang): ReportModel {
  if (input.results.lang !== lang) throw new Error(`results are in ${input.results.lang}, the report is in ${lang}`);
  const fmt = createFmt(lang);
  const s = stringsFor(lang);
  const ctx: Ctx = { input, r: input.results, q: input.questionnaire, lang, fmt, s };
  const organization = fmt.directed(organizationName(input, lang));
  const assessment = fmt.directed(input.assessment.title);

  const sections: ReportSection[] =
    input.results.respondents.submitted === 0
      ? [{ kind: 'noResponses', title: s.noResponses.title, paragraphs: s.noResponses.paragraphs(invitedCount(input, fmt), fmt.count(input.assessment.anonymityThreshold)) }]
      : input.results.snapshot && !input.results.snapshot.figuresShown
        ? [withheldSection(ctx)]
        : [
          summarySection(ctx),
          profileSection(ctx),
          scoresSection(ctx),
          distributionsSection(ctx),
          groupsSection(ctx),
          recommendationsSection(ctx),
          ...actionSections(input.actions, fmt, lang),
          ...commentsOrNone(ctx),
          ...customerViewOrNone(ctx),
          ...(benchmarkOrNone(ctx)),
          methodologySection(ctx),
        ];

  return {
    lang,
    dir: fmt.dir,
    locale: lang === 'fa' ? 'fa-IR' : 'en-US',
    generatedAt: input.generatedAt.toISOString(),
    fileName: reportFileName(input.assessment.id, lang),
    info: { title: `${s.reportTitle}: ${organization.text}`, subject: input.assessment.title, author: 'Mehvar' },
    header: { organization, assessment },
    pageLabel: s.pageLabel,
    cover: cover(ctx),
    sections,
    branding: reportBranding(input.branding ?? BUILT_IN_BRANDING, fmt),
  };
}

export function reportBranding(b: Branding, fmt: Fmt): ReportBranding {
  return { firmName: { ...b.firmName }, firm: fmt.directed(b.firmName[fmt.lang]), primaryColor: b.primaryColor, contact: b.contact ? fmt.directed(b.contact) : null, logoPng: b.logoPng };
}

/** Submissions exist but fewer than k are in the figures: the report says why it shows none. */
function withheldSection({ input, r, fmt, s }: Ctx): ReportSection {
  const snap = r.snapshot!;
  const k = fmt.count(snap.k);
  const paragraphs = s.withheld.paragraphs(fmt.count(snap.submitted), snap.submitted, invitedCount(input, fmt), k);
  if (snap.nextUpdateAfter !== null) paragraphs.push(s.withheld.open(fmt.count(snap.nextUpdateAfter), snap.nextUpdateAfter));
  return { kind: 'noResponses', title: s.withheld.title, paragraphs };
}

/** Where the figures stand when not every submission is in them (domain/anonymity.ts). */
function snapshotNotes({ r, fmt, s }: Ctx): string[] {
  const snap = r.snapshot;
  if (!snap || snap.pending === 0) return [];
  const inFigures = fmt.count(snap.inFigures);
  const pending = fmt.count(snap.pending);
  return snap.nextUpdateAfter === null
    ? [s.summary.heldOut(inFigures, pending, snap.pending, fmt.count(snap.k))]
    : [s.summary.pending(inFigures, pending, snap.pending, fmt.count(snap.nextUpdateAfter))];
}

function commentsOrNone({ input, fmt }: Ctx): ReportSection[] {
  const section = input.comments ? commentsSection(input.comments, fmt) : null;
  return section ? [section] : [];
}

function customerViewOrNone({ input, fmt }: Ctx): ReportSection[] {
  const section = customerViewSection(input.customerView, fmt);
  return section ? [section] : [];
}

function benchmarkOrNone(ctx: Ctx): ReportSection[] {
  const section = benchmarkSection(ctx);
  return section ? [section] : [];
}

function invitedCount(input: ReportInput, fmt: Fmt): string | null {
  const { invited } = input.results.respondents;
  return invited > 0 ? fmt.count(invited) : null;
}

/** The file name a report is offered under: ASCII only, so every browser keeps it. */
export function reportFileName(assessmentId: string, lang: ReportLang): string {
  return `mehvar-report-${assessmentId}-${lang}.pdf`;
}

function organizationName(input: ReportInput, lang: ReportLang): string {
  return lang === 'en' ? (input.organization.name.en ?? input.organization.name.fa) : input.organization.name.fa;
}

function cover({ input, r, q, lang, fmt, s }: Ctx): CoverModel {
  const { organization: org, assessment: a } = input;
  const alt = lang === 'fa' ? org.name.en : org.name.en ? org.name.fa : null;
  const created = fmt.date(new Date(a.createdAt));
  const { submitted, invited, responseRate } = r.respondents;
  const facts: LabelledValue[] = [
    { label: s.facts.date, value: fmt.date(input.generatedAt) },
    { label: s.facts.period, value: a.closedAt ? s.periodClosed(created, fmt.date(new Date(a.closedAt))) : s.periodOpen(created) },
    { label: s.facts.respondents, value: invited > 0 ? s.respondentsOf(fmt.count(submitted), fmt.count(invited)) : s.respondentsOnly(fmt.count(submitted)) },
    { label: s.facts.responseRate, value: responseRate === null ? s.noRate : fmt.percent(responseRate) },
  ];
  if (org.sector) facts.push({ label: s.facts.sector, value: org.sector });
  if (org.headcount !== null) facts.push({ label: s.facts.headcount, value: fmt.count(org.headcount) });
  facts.push({ label: s.facts.questionnaire, value: s.questionnaireVersion(q.title[lang], fmt.count(q.version)) });
  facts.push({ label: s.facts.threshold, value: fmt.count(a.anonymityThreshold) });
  return {
    kicker: s.reportTitle,
    organization: fmt.directed(organizationName(input, lang)),
    organizationAlt: alt ? fmt.directed(alt) : null,
    assessment: fmt.directed(a.title),
    facts,
    note: s.coverNote,
  };
}

function summarySection(ctx: Ctx): SummarySection {
  const { r, fmt, s, input } = ctx;
  const t = s.summary;
  const overallLevel = r.overall.level;
  const notes: string[] = [];
  const inFigures = r.snapshot?.inFigures ?? r.respondents.submitted;
  if (r.overall.score === null) notes.push(t.noOverall);
  else if (overallLevel && maturityLevel(r.overall.score) > overallLevel.value) {
    const weakest = [...r.dimensions].filter((d) => d.level).sort((a, b) => a.level!.value - b.level!.value)[0];
    notes.push(t.capped(fmt.count(maturityLevel(r.overall.score)), weakest.name));
  }
  notes.push(...snapshotNotes(ctx));

  const scored = r.dimensions.filter((d) => d.score !== null).sort((a, b) => b.score! - a.score!);
  const highlights: LabelledValue[] = [];
  if (scored.length >= 2) {
    const [best, worst] = [scored[0], scored[scored.length - 1]];
    highlights.push({ label: t.strongest, value: t.dimensionLine(best.name, fmt.score(best.score)) });
    highlights.push({ label: t.weakest, value: t.dimensionLine(worst.name, fmt.score(worst.score)) });
  }
  const urgent = r.recommendations.slice(0, 3).map((rec) => ({
    priority: rec.priority,
    priorityLabel: s.priority[rec.priority],
    text: rec.text[ctx.lang],
    target: recommendationTarget(ctx, rec.target),
  }));

  return {
    kind: 'summary',
    title: t.title,
    // Isolated: a title typed in the other script keeps its own direction inside the sentence.
    intro: t.intro(fmt.count(inFigures), inFigures, `\u2068${input.assessment.title}\u2069`),
    overall: {
      label: t.overall,
      score: fmt.score(r.overall.score),
      outOf: t.outOf,
      level: overallLevel
        ? { value: overallLevel.value, label: t.level(fmt.count(overallLevel.value), overallLevel.name), description: overallLevel.description }
        : null,
    },
    notes,
    dimensions: r.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      score: fmt.score(d.score),
      level: d.level ? t.level(fmt.count(d.level.value), d.level.name) : '—',
      // What the level means for this dimension, where the questionnaire says (mehvar-core v2).
      description: d.level && ctx.q.maturityLevels.every((m) => m.byDimension) ? d.level.description : null,
      target: d.target === null ? null : t.target(fmt.score(d.target)),
    })),
    highlights,
    urgentTitle: t.urgent(urgent.length),
    urgent,
    urgentEmpty: urgent.length ? null : t.urgentEmpty,
  };
}
