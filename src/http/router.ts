import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, zodFieldErrors } from '../httpErrors.js';
import { cleanUserText, type TextRule } from '../text.js';
import { problemResponse } from './schemas/problem.js';

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
    // Documented as enforced: at most `max` characters once trimmed, and never blank unless allowEmpty.
    .openapi({ type: 'string', maxLength: max, ...(!rule.allowEmpty && { minLength: 1 }) });

/**
 * An object of key → value that keeps every key the client sent. zod's record silently drops a
 * `__proto__` key (it would replace the prototype of the plain object it builds), so `{"__proto__": 3}`
 * would pass as `{}`; here every key becomes an own property (`__proto__` defined, never assigned) and
 * reaches the caller's check for unknown keys like any other. A plain object, not a null-prototype one:
 * V8 keeps those in dictionary mode, and copying one cost every submission about 7 µs (issue 14).
 */
export function ownRecord<V extends z.ZodType>(value: V, opts: { maxKey: number; description: string; valueDoc: Record<string, unknown> }) {
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'must be an object' })
    .transform((input, ctx) => {
      const out: Record<string, z.output<V>> = {};
      for (const key of Object.keys(input)) {
        if (key.length > opts.maxKey) {
          ctx.addIssue({ code: 'custom', path: [key.slice(0, opts.maxKey)], message: `keys must be at most ${opts.maxKey} characters` });
          continue;
        }
        const parsed = value.safeParse(input[key]);
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
        else if (key === '__proto__') Object.defineProperty(out, key, { value: parsed.data, enumerable: true, writable: true, configurable: true });
        else out[key] = parsed.data;
      }
      return out;
    })
    .openapi({ type: 'object', additionalProperties: opts.valueDoc, description: `${opts.description}; keys at most ${opts.maxKey} characters` });
}

/** An id as the client sends it: short and free of control characters (unknown ids are then simply 404). */
export const idString = z.string().max(64).regex(noControl, 'must not contain control characters');

/**
 * A named schema or null. Not `schema.nullable()`: for a schema registered under a name, zod-to-openapi 9
 * writes the null into the shared component, so every other use of it would turn nullable too.
 */
export const orNull = <S extends z.ZodType>(schema: S) => z.union([schema, z.null()]);

export const uuidParam = idString.openapi({ param: { in: 'path' }, example: '2b1e5c1e-8a8b-4f39-9d5b-0f9e2f6a1c11' });

export { problemResponse };

/** A JSON answer described by a named schema from src/http/schemas/, so clients get real types. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } } };

/** Each error status with what it means in general; routes name their own reasons for 403, 409 and 422. */
export const problems = {
  400: problemResponse('The request is not valid; `errors` names each bad field'),
  401: problemResponse('No bearer token, or not a valid one', { 'WWW-Authenticate': { description: '`Bearer realm="mehvar"`', schema: { type: 'string' } } }),
  403: problemResponse("The caller's role may not do this"),
  404: problemResponse("Not found, or not visible to this user (another tenant's resources answer 404 too)"),
  408: problemResponse('The request body did not arrive in time; nothing was stored'),
  413: problemResponse('The request body is larger than this endpoint accepts'),
  415: problemResponse('The body is not application/json'),
  500: problemResponse('Something went wrong on our side; nothing was changed by this request'),
  503: problemResponse('The request took longer than the server allows and was stopped; try again'),
};

/** What every route behind a bearer token can answer, whatever its handler does: the token is checked first. */
export const bearerErrors = {
  401: problems[401],
  429: problemResponse('Too many failed tokens from this address (a valid token still passes)', retryAfter),
  500: problems[500],
  503: problems[503],
};

/** Respondent routes: the link in the path is the credential, so an unknown link is 404, never 401. */
export const linkErrors = {
  404: problemResponse('No such invitation link'),
  429: problemResponse('This link was used too often, or this address tried too many unknown links', retryAfter),
  500: problems[500],
  503: problems[503],
};

/** Routes with a JSON body that the route validates: refused when invalid, late, too large or not JSON. */
export const jsonBodyErrors = { 400: problems[400], 408: problems[408], 413: problems[413], 415: problems[415] };

/** Reports and exports carry a (weak) ETag; a GET with a matching If-None-Match gets no body. */
export const notModified = { description: 'Not modified: If-None-Match names the current ETag' };

/** The usual set for a bearer route with a path parameter; routes that need fewer or more list their own. */
export const commonErrors = { 400: problems[400], ...bearerErrors, 404: problems[404] };
export const bearer = [{ Bearer: [] }];
