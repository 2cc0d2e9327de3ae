import { z } from '@hono/zod-openapi';
import { answerMapSchema } from '../answerMapSchema.js';
import { LocalizedQuestionnaire } from './respond.js';

// The customer survey: the consultant's side (open it, its status, its QR code) and the customer's side
// (the survey at its link, and sending answers). The link in the path is the customer's only credential.

export const CustomerSurveyRequest = z
  .strictObject({
    closesAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the survey stops taking answers; it also closes with its assessment' }),
    singleUseCount: z.number().int().min(0).max(1000).optional().openapi({ description: 'Single-use links to make now (each takes one answer); their URLs are shown only in this answer' }),
  })
  .openapi('CustomerSurveyRequest');

export const CustomerSurveyLinks = z
  .object({
    url: z.string().openapi({ description: 'The shareable link /c/{token}, for a receipt, a QR code or a message to customers' }),
    singleUse: z.array(z.string()).optional().openapi({ description: 'Single-use links made by this request, when asked for' }),
    closesAt: z.iso.datetime().nullable(),
    open: z.boolean().openapi({ description: 'Whether it takes answers now: its assessment is open and its own closing date has not passed' }),
  })
  .openapi('CustomerSurveyLinks');

export const CustomerSurveyStatus = z
  .object({
    url: z.string(),
    qrCode: z.string().openapi({ description: 'Where the link is served as a PNG QR code' }),
    closesAt: z.iso.datetime().nullable(),
    open: z.boolean(),
    questionnaire: z.object({ id: z.string(), version: z.number().int() }),
    submitted: z.number().int().openapi({ description: 'Customer answers received' }),
    singleUse: z.object({ total: z.number().int(), used: z.number().int() }),
  })
  .openapi('CustomerSurveyStatus');

export const CustomerForm = z
  .object({
    organization: z.string().openapi({ description: 'The organization name in the requested language' }),
    open: z.boolean(),
    used: z.boolean().openapi({ description: 'A single-use link that has already been used' }),
    questionnaire: LocalizedQuestionnaire,
  })
  .openapi('CustomerForm');

export const CustomerAnswers = z
  .strictObject({
    answers: answerMapSchema,
    website: z.string().max(500).optional().openapi({ description: 'Leave out: a field people never see; answers that fill it in are not stored' }),
  })
  .openapi('CustomerAnswers');

export const CustomerSubmission = z.object({ status: z.string().openapi({ enum: ['received'] }) }).openapi('CustomerSubmission');

