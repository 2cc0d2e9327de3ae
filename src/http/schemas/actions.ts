import { z } from '@hono/zod-openapi';
import { ACTION_STATUSES } from '../../domain/actions.js';
import { orNull } from '../router.js';
import { Ci95 } from './results.js';

// Action plans as src/routes/actions.ts writes them, and the trend's `actions` (src/domain/presentTrend.ts).

export const ActionStatus = z.enum(ACTION_STATUSES).openapi('ActionStatus');

export const ActionTarget = z
  .object({
    kind: z.enum(['dimension', 'section', 'items']),
    dimension: z.string().optional(),
    section: z.string().optional(),
    itemIds: z.array(z.string()).optional(),
  })
  .openapi('ActionTarget', { description: 'Exactly one of dimension, section or itemIds, as `kind` says' });

export const Action = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    assessmentId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    recommendationId: z.string().nullable(),
    target: ActionTarget,
    owner: z.string(),
    dueDate: z.iso.date(),
    status: ActionStatus,
    overdue: z.boolean().openapi({ description: 'Past its due day and still planned or under way' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Action');

export const ActionList = z.object({ actions: z.array(Action) }).openapi('ActionList');

export const ActionChange = z
  .object({
    from: z.number().nullable().openapi({ description: "The target's score in the action's assessment" }),
    to: z.number().nullable().openapi({ description: "The target's score in the next assessment" }),
    delta: z.number().nullable(),
    ci95: orNull(Ci95),
    t: z.number().nullable().openapi({ description: 'Welch t' }),
    df: z.number().nullable(),
    p: z.number().nullable(),
    d: z.number().nullable().openapi({ description: "Cohen's d" }),
    significant: z.boolean().nullable().openapi({ description: 'p < 0.05; null without a test' }),
    tested: z.boolean(),
    n: z.object({ from: z.number().int(), to: z.number().int() }).openapi({ description: 'Respondents with a score for the target in each round' }),
  })
  .openapi('ActionChange');

export const TrendAction = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    title: z.string(),
    owner: z.string(),
    status: ActionStatus,
    dueDate: z.iso.date(),
    overdue: z.boolean(),
    target: ActionTarget.extend({ name: z.string().openapi({ description: 'The dimension, section or items in words' }) }).openapi('TrendActionTarget'),
    measurement: z
      .object({
        status: z.enum(['measured', 'noNextAssessment', 'itemsMissing', 'targetMissing', 'notDisclosed']),
        nextAssessmentId: z.string().nullable(),
        missingItems: z.array(z.string()).openapi({ description: 'Targeted items the next questionnaire version (or this one) does not have: their change is not guessed' }),
        note: z.string().nullable().openapi({ description: 'Why there is no change, in the requested language' }),
      })
      .openapi('ActionMeasurement'),
    change: orNull(ActionChange).openapi({ description: "The target's change from this assessment to the next one in the series; null unless measured" }),
  })
  .openapi('TrendAction');
