import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, zodFieldErrors } from '../errors.js';
import { cleanUserText, type TextRule } from '../text.js';

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

// NUL and other C0 controls are never meaningful in ids, and PostgreSQL refuses NUL outright.
const noControl = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;

/**
 * User-typed text, checked and normalized by cleanUserText (src/text.ts): refused with the reason when it
 * holds lone surrogates, control characters (line breaks only where `multiline`), bidi overrides or
 * isolates, or nothing visible; otherwise trimmed, Arabic ي/ك made Persian ی/ک, ZWNJ inside words kept.
 */
export const userText = (max: number, rule: Omit<TextRule, 'max'> = {}) =>
  z
    .string()
    // A coarse bound before the character checks, so a huge string is refused without scanning it.
    .max(max * 2, `must be at most ${max} characters`)
    .transform((raw, ctx) => {
      const result = cleanUserText(raw, { ...rule, max });
      if (result.ok) return result.text;
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    })
    .openapi({ type: 'string', maxLength: max });

/**
 * An object of key → value that keeps every key the client sent. zod's record silently drops a
 * `__proto__` key (it would replace the prototype of the plain object it builds), so `{"__proto__": 3}`
 * would pass as `{}`; here the keys go into a null-prototype object and reach the caller's check for
 * unknown keys like any other.
 */
export function ownRecord<V extends z.ZodType>(value: V, opts: { maxKey: number; description: string; valueDoc: Record<string, unknown> }) {
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'must be an object' })
    .transform((input, ctx) => {
      const out: Record<string, z.output<V>> = Object.create(null);
      for (const key of Object.keys(input)) {
        if (key.length > opts.maxKey) {
          ctx.addIssue({ code: 'custom', path: [key.slice(0, opts.maxKey)], message: `keys must be at most ${opts.maxKey} characters` });
          continue;
        }
        const parsed = value.safeParse(input[key]);
        if (parsed.success) out[key] = parsed.data;
        else for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
      }
      return out;
    })
    .openapi({ type: 'object', additionalProperties: opts.valueDoc, description: opts.description });
}

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
