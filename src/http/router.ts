import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, zodFieldErrors } from '../errors.js';
import { normalizeText } from '../text.js';

/** Every router validates at the edge and throws into the one error handler instead of hand-building 400s. */
export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? [] : [result.target];
        throw new AppError(400, 'The request is not valid; see errors for each field.', zodFieldErrors(result.error, where));
      }
    },
  });
}

// NUL and other C0 controls are never meaningful in names or ids, and PostgreSQL refuses NUL outright.
const noControl = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;

/** User-typed text: trimmed, Arabic ي/ك normalized to Persian ی/ک, ZWNJ kept. */
export const userText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .regex(noControl, 'must not contain control characters')
    .transform(normalizeText)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** An id as the client sends it: short and free of control characters (unknown ids are then simply 404). */
export const idString = z.string().max(64).regex(noControl, 'must not contain control characters');

export const uuidParam = idString.openapi({ param: { in: 'path' }, example: '2b1e5c1e-8a8b-4f39-9d5b-0f9e2f6a1c11' });

export const anyJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
});

export const problemResponse = (description: string) => ({
  description,
  content: {
    'application/problem+json': {
      schema: z.object({
        type: z.string(),
        title: z.string(),
        status: z.number(),
        detail: z.string(),
        errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      }),
    },
  },
});

export const commonErrors = {
  400: problemResponse('Invalid request; `errors` names each bad field'),
  401: problemResponse('Missing or invalid bearer token'),
  404: problemResponse('Not found, or not visible to this user'),
};
export const bearer = [{ Bearer: [] }];
