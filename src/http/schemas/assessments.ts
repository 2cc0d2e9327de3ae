import { z } from '@hono/zod-openapi';
import { QuestionnaireRef } from './questionnaires.js';

// Assessments as src/http/serialize.ts `assessmentOut` writes them.

const target = z.number().nullable();

export const Participation = z
  .object({
    invited: z.number().int(),
    inProgress: z.number().int(),
    submitted: z.number().int(),
    responseRate: z.number().nullable().openapi({ description: 'submitted / invited; null without invitations' }),
  })
  .openapi('Participation');

export const Assessment = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    title: z.string(),
    questionnaire: QuestionnaireRef,
    anonymityThreshold: z.number().int(),
    targets: z.object({ culture: target, process: target, interaction: target }).nullable().openapi({ description: 'Target score per dimension; null when none is set' }),
    closesAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    status: z.enum(['open', 'closed']),
    createdAt: z.iso.datetime(),
    respondents: Participation.optional(),
  })
  .openapi('Assessment');

export const ClosedAssessment = Assessment.extend({
  figures: z
    .object({
      inFigures: z.number().int().openapi({ description: 'Responses in the final figures' }),
      leftOut: z.number().int().openapi({ description: 'Submitted after the last update and kept out of the final figures' }),
    })
    .openapi('ClosingFigures'),
}).openapi('ClosedAssessment');

export const ImportResult = z.object({ imported: z.number().int().openapi({ description: 'Responses stored' }) }).openapi('ImportResult');
