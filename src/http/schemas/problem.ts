import { z } from '@hono/zod-openapi';

// The one error body (src/httpErrors.ts `problem`): every 4xx and 5xx of the API is one of these.

export const FieldError = z
  .object({
    path: z.string().openapi({ description: 'The field, dot-separated (`name.fa`, `answers.org.know`, `query.limit`), or `(root)`', example: 'name.fa' }),
    message: z.string().openapi({ example: 'must not be empty' }),
  })
  .openapi('FieldError');

export const Problem = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ description: 'The status in words', example: 'Bad request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ description: 'What went wrong, for people', example: 'The request is not valid; see errors for each field.' }),
    instance: z.string().openapi({ description: 'The path of the request', example: '/api/v1/organizations' }),
    errors: z.array(FieldError).optional().openapi({ description: 'For validation failures: each bad field and why' }),
  })
  .openapi('Problem', { description: 'Problem details (RFC 9457), sent as application/problem+json' });

type Headers = Record<string, { description: string; schema: { type: 'string' | 'integer' } }>;

export const problemResponse = (description: string, headers?: Headers) => ({
  description,
  ...(headers && { headers }),
  content: { 'application/problem+json': { schema: Problem } },
});
