import { z } from '@hono/zod-openapi';
import { answerMapSchema } from '../answerMapSchema.js';
import { ownRecord, userText } from '../router.js';
import { Lang } from './questionnaires.js';

// What a respondent's link reads and writes (src/routes/respond.ts); the link is the only credential.

/** PUT …/answers: answers and section comments merged into the saved draft. */
export const DraftAnswers = z
  .strictObject({
    answers: answerMapSchema,
    comments: ownRecord(userText(2000, { multiline: true, allowEmpty: true }), {
      maxKey: 64,
      description: 'sectionId → comment (line breaks allowed); an empty comment removes it',
      valueDoc: { type: 'string', maxLength: 2000 },
    }).optional(),
  })
  .openapi('DraftAnswers');

/** POST …/submit: the same fields, both optional; read by the handler, since an empty body is allowed. */
export const SubmitAnswers = DraftAnswers.partial().openapi('SubmitAnswers');

const status = z.enum(['not_started', 'in_progress', 'submitted']);

/**
 * A status that is always the one value. Typed as a string because the handlers write a plain string literal
 * (TypeScript widens it to string), documented as the one value clients will see.
 */
const always = (value: string) => z.string().openapi({ enum: [value] });

export const Draft = z
  .object({
    answers: z
      .record(z.string(), z.union([z.number().int(), z.null(), z.literal('na')]))
      .openapi({ description: 'itemId → scale value, null for "don\'t know", or "na" for "not applicable"' }),
    comments: z.record(z.string(), z.string()).openapi({ description: 'sectionId → comment' }),
  })
  .openapi('Draft');

export const LocalizedQuestionnaire = z
  .object({
    id: z.string(),
    version: z.number().int(),
    lang: Lang,
    dir: z.enum(['rtl', 'ltr']),
    title: z.string(),
    description: z.string(),
    estimatedMinutes: z.number().int(),
    dontKnowLabel: z.string(),
    notApplicableLabel: z.string().nullable().openapi({ description: 'The "not applicable" answer; null where the questionnaire offers none' }),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        items: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            scale: z.array(z.object({ value: z.number().int(), label: z.string() })).openapi({ description: 'Every point of the scale, lowest first' }),
          }),
        ),
      }),
    ),
  })
  .openapi('LocalizedQuestionnaire', { description: 'The questionnaire in one language, items grouped by section in order' });

export const RespondentForm = z
  .object({
    status,
    responseId: z.string().nullable().openapi({ description: 'Set once submitted' }),
    assessment: z.object({
      title: z.string(),
      organization: z.string().openapi({ description: 'The organization name in the requested language' }),
      open: z.boolean(),
      closesAt: z.iso.datetime().nullable(),
    }),
    role: z.enum(['manager', 'staff']),
    department: z.string().nullable(),
    questionnaire: LocalizedQuestionnaire,
    draft: Draft,
  })
  .openapi('RespondentForm');

export const SavedDraft = z
  .object({
    status: always('in_progress'),
    answered: z.number().int(),
    total: z.number().int().openapi({ description: 'Items in the questionnaire' }),
    draft: Draft,
  })
  .openapi('SavedDraft');

export const Submission = z
  .object({ status: always('submitted'), responseId: z.string() })
  .openapi('Submission', { description: 'The same responseId for every submit of one link' });
