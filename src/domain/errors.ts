import type { ZodError } from 'zod';

/** A field a request got wrong: where (`answers.q1`, `closesAt`) and why. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * What a use case refuses, in the application's own terms. Services throw these, never HTTP errors; each
 * adapter says it its own way: the API as problem+json with a status (src/httpErrors.ts), the dashboard and the
 * respondent pages as a notice page. `code`, where given, names the reason for adapters that word it
 * themselves (the dashboard's "read-only" page, the respondent's "closed" page).
 */
export abstract class DomainError extends Error {
  constructor(
    readonly detail: string,
    readonly code?: string,
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or the caller may not know that it does (another tenant's answers the same). */
export class NotFound extends DomainError {
  constructor(
    readonly what: string,
    detail = `${what} was not found.`,
  ) {
    super(detail);
  }
}

/** The caller is known but may not do this. */
export class Forbidden extends DomainError {
  constructor(reason: string, code?: 'readOnly' | 'role') {
    super(reason, code);
  }
}

/** The request is fine, but the state of things does not allow it now (a closed assessment, a submitted link). */
export class Conflict extends DomainError {
  constructor(reason: string, code?: 'closed' | 'submitted' | 'admin') {
    super(reason, code);
  }
}

/** The input is well formed but does not fit the data: unknown questionnaire, answers off the scale, bad rows. */
export class Invalid extends DomainError {
  constructor(
    detail: string,
    readonly fieldErrors: FieldError[] = [],
    code?: string,
  ) {
    super(detail, code);
  }
}

/** The request asks for something no data could make possible (a manager without its organization, too many links at once). */
export class Refused extends DomainError {
  constructor(
    detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail);
  }
}

/** The service cannot do it right now; `retryAfterSeconds` says when to try again, when known. */
export class Unavailable extends DomainError {
  constructor(
    detail: string,
    readonly retryAfterSeconds?: number,
    code?: string,
  ) {
    super(detail, code);
  }
}

/** zod's issues as field errors, paths joined with dots under `prefix`. */
export function zodFieldErrors(error: ZodError, prefix: (string | number)[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
