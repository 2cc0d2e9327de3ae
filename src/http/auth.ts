import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../domain/records.js';
import { AppError } from '../httpErrors.js';
import { assessmentFor } from '../services/assessments.js';
import { userByToken } from '../services/users.js';
import { type FailureBudget, refuseAsProblem } from './rateLimit.js';

/**
 * The caller, authenticated once per request: the app-wide middleware below runs before any validation,
 * so a request without a valid token learns nothing (401) about what a valid body would have done.
 */
export async function requireUser(db: AppDeps['db'], c: Context): Promise<User> {
  const known = c.get('user' as never) as User | undefined;
  if (known) return known;
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{16,200})\s*$/i.exec(header);
  if (!match) throw new AppError(401, 'Send a bearer token: "Authorization: Bearer <token>".');
  const user = await userByToken({ db }, match[1]);
  if (!user) throw new AppError(401, 'The bearer token is not valid.');
  c.set('user' as never, user as never);
  return user;
}

/**
 * Every API route except the respondent ones (whose credential is the link) needs a bearer token. A wrong
 * token is a guess and spends the address's failure budget; once that is used up, wrong tokens get 429
 * while valid ones, checked first, still pass. A request without any token guesses nothing.
 */
export function authenticate(db: AppDeps['db'], failures: FailureBudget): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith('/api/v1/respond/')) return next();
    if (c.req.path.startsWith('/api/v1/customer/')) return next(); // a customer survey's link is its credential
    try {
      await requireUser(db, c);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 401 || c.req.header('authorization') === undefined) throw err;
      const wait = failures.exhausted(c);
      if (wait) return refuseAsProblem(c, wait);
      failures.fail(c);
      throw err;
    }
    await next();
  };
}

/** The caller and an assessment it may see; another tenant's assessment is indistinguishable from none. */
export async function assessmentForCaller(deps: AppDeps, c: Context, id: string): Promise<{ user: User; assessment: Assessment }> {
  const user = await requireUser(deps.db, c);
  return { user, assessment: await assessmentFor(deps, user, id) };
}
