import { z } from '@hono/zod-openapi';
import { NA } from '../domain/answerMaps.js';
import { ownRecord } from './router.js';

/**
 * An answer map as clients send it (PUT …/answers, the submit body, JSON imports). Every key survives
 * validation (`__proto__` included), so checkAnswers can refuse it as an unknown item instead of it
 * vanishing on the way.
 */
export const answerMapSchema = ownRecord(z.union([z.number().int(), z.null(), z.literal(NA)]), {
  maxKey: 64,
  description: 'itemId → scale value, null for "don\'t know", or "na" for "not applicable" (where the questionnaire offers it)',
  valueDoc: { anyOf: [{ type: 'integer' }, { type: 'null' }, { type: 'string', enum: [NA] }] },
});
