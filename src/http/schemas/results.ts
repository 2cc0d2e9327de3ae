import { z } from '@hono/zod-openapi';
import { orNull } from '../router.js';
import { DimensionId, Lang, LevelId, Localized, QuestionnaireRef, RecommendationTarget } from './questionnaires.js';
import { CustomerView } from './customerView.js';

// The results as src/domain/presentResults.ts serves them: every figure unrounded, null where there is no data.

const score = z.number().nullable().openapi({ description: '0..100; null without data' });
const stat = z.number().nullable();
const count = z.number().int();

export const Ci95 = z.tuple([z.number(), z.number()]).openapi('Ci95', { description: '95% confidence interval [low, high]', minItems: 2, maxItems: 2 });
const ci95 = orNull(Ci95).openapi({ description: 'Null when n < 2' });

export const MaturityLevelValue = z.number().int().min(1).max(5).openapi('MaturityLevelValue');

export const MaturityLevel = z
  .object({ value: MaturityLevelValue, name: z.string(), description: z.string() })
  .openapi('MaturityLevel', { description: 'A maturity level with its name and description in the requested language' });

export const Snapshot = z
  .object({
    submitted: count.openapi({ description: 'Submitted responses, in the figures or not' }),
    inFigures: count.openapi({ description: 'Responses the figures stand at' }),
    figuresShown: z.boolean().openapi({ description: 'False below k: then only counts and the response rate are given' }),
    pending: count.openapi({ description: 'Submissions waiting for the next update' }),
    nextUpdateAfter: z.number().int().nullable().openapi({ description: 'How many more submissions the next update needs; null once closed' }),
    final: z.boolean(),
    k: count.openapi({ description: 'The anonymity threshold' }),
  })
  .openapi('Snapshot');

export const RespondentCounts = z
  .object({ submitted: count, invited: count, responseRate: stat.openapi({ description: 'submitted / invited; null without invitations' }) })
  .openapi('RespondentCounts');

const groupSummary = { score, n: count, sd: stat, ci95 };

export const DimensionResult = z
  .object({
    id: DimensionId,
    name: z.string(),
    ...groupSummary,
    level: orNull(MaturityLevel).openapi({ description: "The dimension's level, described for this dimension where the questionnaire has per-dimension descriptions (maturityLevels[].byDimension)" }),
    alpha: stat.openapi({ description: "Cronbach's α" }),
    rwg: stat.openapi({ description: 'Within-group agreement rwg(j)' }),
    target: stat,
    gap: stat.openapi({ description: 'target − score' }),
  })
  .openapi('DimensionResult');

export const LevelResult = z.object({ id: LevelId, name: z.string(), ...groupSummary }).openapi('LevelResult');

export const SectionResult = z.object({ id: z.string(), title: z.string(), ...groupSummary }).openapi('SectionResult');

export const ItemResult = z
  .object({
    id: z.string(),
    text: z.string(),
    dimension: DimensionId,
    level: LevelId,
    section: z.string(),
    reverse: z.boolean(),
    weight: z.number(),
    score,
    n: count.openapi({ description: 'Respondents who chose a scale point' }),
    distribution: z.record(z.string(), z.number().int()).openapi({ description: 'Count per scale point ("1".."5"), "dontKnow" and "notApplicable"' }),
    alphaIfDeleted: stat,
  })
  .openapi('ItemResult');

export const DimensionScore = z.object({ id: DimensionId, score, n: count }).openapi('DimensionScore');

export const BreakdownGroup = z
  .object({
    group: z.string().openapi({ description: 'The role, or the department name' }),
    suppressed: z.boolean().openapi({ description: 'Fewer than k: then no size and no scores are given' }),
    n: count.optional(),
    dimensions: z.array(DimensionScore).optional(),
  })
  .openapi('BreakdownGroup');

export const PerceptionGap = z
  .object({ dimension: DimensionId, gap: stat.openapi({ description: 'manager − staff' }) })
  .openapi('PerceptionGap');

export const CitedSource = z
  .object({
    file: z.string(),
    quote: z.string().openapi({ description: 'As it stands in the seed (Persian)' }),
    translation: z.object({ en: z.string() }).optional(),
    note: Localized.optional(),
    title: z.string().openapi({ description: 'The seed text named for people, in the requested language ("Text 5: Customer relationship management")' }),
  })
  .openapi('CitedSource');

export const Recommendation = z
  .object({
    id: z.string(),
    target: RecommendationTarget,
    priority: z.enum(['high', 'medium', 'low']),
    priorityScore: z.number().openapi({ description: 'weight × (target − score): what the ordering is by' }),
    score: z.number(),
    targetScore: z.number(),
    atLevels: z
      .array(MaturityLevelValue)
      .optional()
      .openapi({ description: "The stages it is for: given while its target's maturity level is one of these; absent when for every stage" }),
    text: Localized,
    source: CitedSource,
    quote: z
      .object({ text: z.string(), lang: Lang })
      .openapi({ description: 'The quote in the requested language where a translation exists, else in Persian; lang says which' }),
  })
  .openapi('Recommendation');

export const AssessmentResults = z
  .object({
    assessmentId: z.string(),
    questionnaire: QuestionnaireRef,
    lang: Lang,
    excludeFlagged: z.boolean(),
    anonymityThreshold: count,
    snapshot: orNull(Snapshot),
    respondents: RespondentCounts,
    overall: z.object({ score, level: orNull(MaturityLevel) }),
    dimensions: z.array(DimensionResult),
    levels: z.array(LevelResult),
    sections: z.array(SectionResult),
    items: z.array(ItemResult),
    breakdowns: z.object({ role: z.array(BreakdownGroup), department: z.array(BreakdownGroup) }),
    perceptionGap: z.array(PerceptionGap).nullable().openapi({ description: 'Null when either role is missing or suppressed' }),
    quality: z.object({
      straightLining: count.openapi({ description: 'Responses flagged as straight-lined' }),
      flagged: z.array(z.string()).openapi({ description: 'Their response ids' }),
    }),
    recommendations: z.array(Recommendation),
    customerView: orNull(CustomerView).optional().openapi({ description: "The customers' own view beside the staff's (issue 20); null without a customer survey" }),
  })
  .openapi('AssessmentResults', { description: 'Lists are empty and perceptionGap null while the figures are withheld (snapshot.figuresShown false)' });
