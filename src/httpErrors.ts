// HTTP-level errors: AppError (a status the API answers with) and problem+json, which every error of the
// API becomes. Rules of the domain throw domain/errors.ts instead; toProblem maps those to a status here.

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { Conflict, DomainError, type FieldError, Forbidden, Invalid, NotFound, Refused, Unavailable, zodFieldErrors } from './domain/errors.js';

export { type FieldError, zodFieldErrors };

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** The one error type handlers throw; `onError` turns it into application/problem+json. */
export class AppError extends HTTPException {
  /** Extra response headers, e.g. Retry-After on 429. */
  headers: Record<string, string> = {};
  constructor(
    status: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly type = 'about:blank',
  ) {
    super(status, { message: detail });
  }
}

export const notFound = (what: string) => new AppError(404, `${what} was not found.`);
export const unprocessable = (detail: string, errors: FieldError[]) => new AppError(422, detail, errors);

/** The status each domain error answers with; its detail and field errors are the problem's. */
export function statusOf(err: DomainError): ContentfulStatusCode {
  if (err instanceof NotFound) return 404;
  if (err instanceof Forbidden) return 403;
  if (err instanceof Conflict) return 409;
  if (err instanceof Invalid) return 422;
  if (err instanceof Refused) return 400;
  if (err instanceof Unavailable) return 503;
  return 500;
}

export function problem(c: Context, status: number, detail: string, errors?: FieldError[], type = 'about:blank', headers: Record<string, string> = {}) {
  const body: Record<string, unknown> = {
    type,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: c.req.path,
  };
  if (errors?.length) body.errors = errors;
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    ...headers,
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

export function toProblem(err: unknown, c: Context, log: (err: unknown) => void) {
  if (err instanceof AppError) return problem(c, err.status, err.detail, err.errors, err.type, err.headers);
  if (err instanceof DomainError) {
    const errors = err instanceof Invalid || err instanceof Refused ? err.fieldErrors : undefined;
    const retry: Record<string, string> = err instanceof Unavailable && err.retryAfterSeconds ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
    return problem(c, statusOf(err), err.detail, errors, 'about:blank', retry);
  }
  if (err instanceof ZodError) return problem(c, 400, 'The request is not valid.', zodFieldErrors(err));
  if (err instanceof HTTPException) {
    const status = err.status;
    const detail =
      status === 413 ? 'The request body is larger than this endpoint accepts.' : err.message || TITLES[status] || 'Error';
    return problem(c, status, detail);
  }
  log(err);
  return problem(c, 500, 'Something went wrong on our side; nothing was changed by this request.');
}
