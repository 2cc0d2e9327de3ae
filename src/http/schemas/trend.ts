import { z } from '@hono/zod-openapi';
import { orNull } from '../router.js';
import { DimensionId, Lang, QuestionnaireRef } from './questionnaires.js';
import { Ci95, MaturityLevelValue, RespondentCounts } from './results.js';
import { TrendAction } from './actions.js';
import { CustomerTrend } from './customerView.js';

// The trend as src/domain/presentTrend.ts serves it: names in one language, numbers unrounded.

const stat = z.number().nullable();
const levelValue = orNull(MaturityLevelValue);
const ci95 = orNull(Ci95);

export const TrendChange = z
  .object({
    delta: stat.openapi({ description: 'Later − earlier score; null when either has none' }),
    ci95,
    se: stat,
    t: stat.openapi({ description: 'Welch t' }),
    df: stat,
    p: stat,
    cohensD: stat,
    significant: z.boolean().nullable().openapi({ description: 'p < 0.05; null without a test' }),
    tested: z.boolean().openapi({ description: 'Whether a Welch test was possible (n ≥ 2 on both sides and some variation)' }),
  })
  .openapi('TrendChange');

export const TrendStep = TrendChange.extend({ from: z.string(), to: z.string() }).openapi('TrendStep', { description: 'The change between two assessments (ids)' });

export const TrendLevel = z.object({ value: MaturityLevelValue, name: z.string().nullable() }).openapi('TrendLevel');

export const TrendPoint = z
  .object({
    assessmentId: z.string(),
    score: stat,
    n: z.number().int(),
    sd: stat,
    ci95,
    // presentTrend spreads the domain point (whose `level` is the bare number) before replacing `level`, so
    // its type allows the number too, though the number never reaches a client: typed loosely so the route
    // compiles, documented as sent.
    level: z
      .union([TrendLevel, MaturityLevelValue])
      .nullable()
      .optional()
      .openapi({ anyOf: [{ $ref: '#/components/schemas/TrendLevel' }, { type: 'null' }], description: 'Overall and dimension series only' }),
  })
  .openapi('TrendPoint');

export const TrendSeries = z
  .object({
    id: z.string().openapi({ description: '"overall", a dimension, level or section id' }),
    kind: z.enum(['overall', 'dimension', 'level', 'section']),
    name: z.string(),
    points: z.array(TrendPoint),
    changes: z.array(TrendStep),
  })
  .openapi('TrendSeries');

export const TrendAssessment = z
  .object({
    id: z.string(),
    title: z.string(),
    date: z.iso.datetime().openapi({ description: 'When the assessment closed, else when it started' }),
    questionnaire: QuestionnaireRef,
    respondents: RespondentCounts,
  })
  .openapi('TrendAssessment');

export const LevelTransition = z
  .object({
    from: z.string(),
    to: z.string(),
    overall: z.object({ from: levelValue, to: levelValue, fromName: z.string().nullable(), toName: z.string().nullable() }),
    dimensions: z.array(z.object({ id: DimensionId, from: levelValue, to: levelValue })),
  })
  .openapi('LevelTransition');

export const TrendMover = z
  .object({
    id: z.string(),
    text: z.string(),
    source: z.string().openapi({ description: 'The seed text the item comes from, by title, in the requested language' }),
    from: z.number(),
    to: z.number(),
    delta: z.number(),
  })
  .openapi('TrendMover', { description: 'An item whose score moved between the first and the last assessment' });

export const OrganizationTrend = z
  .object({
    organizationId: z.string(),
    lang: Lang,
    assessments: z.array(TrendAssessment).openapi({ description: 'Oldest first' }),
    compatibility: z.object({
      value: z.number().openapi({ description: 'Shared items / all items of the versions compared' }),
      sharedItems: z.number().int(),
      totalItems: z.number().int(),
      versionsDiffer: z.boolean(),
      note: z.string().nullable(),
    }),
    overall: TrendSeries,
    dimensions: z.array(TrendSeries),
    levels: z.array(TrendSeries),
    sections: z.array(TrendSeries),
    transitions: z.array(LevelTransition),
    movers: z.object({ up: z.array(TrendMover), down: z.array(TrendMover) }),
    actions: z.array(TrendAction).openapi({ description: "The actions of the assessments compared, each with its target's change to the next assessment" }),
    customers: orNull(CustomerTrend).optional().openapi({ description: "The customers' own scores across the assessments (issue 20); null when none has a customer survey" }),
  })
  .openapi('OrganizationTrend');
