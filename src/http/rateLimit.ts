import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../httpErrors.js';

const SWEEP_ABOVE = 50_000;

/**
 * A fixed-window counter per key, in memory. Enough for one instance; several instances behind a load
 * balancer each count their own share (documented in the README). Written here rather than pulling in a
 * limiter package because the only thing needed is a Map and a clock.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweepAt = 0;
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    // Expired windows are swept once the map is large, but at most a few times per window: with every
    // entry still live, sweeping on each hit scanned the whole map per request (tens of thousands of
    // respondent links in a busy minute), which a CPU profile under load showed.
    if (this.windows.size > SWEEP_ABOVE && t >= this.nextSweepAt) {
      for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
      this.nextSweepAt = t + this.windowMs / 4;
    }
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + this.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.max ? Math.ceil((w.resetAt - t) / 1000) : 0;
  }

  /** Keys currently tracked (expired ones included until the next sweep). */
  get size(): number {
    return this.windows.size;
  }

  /** Whether the key is over its limit, without counting. */
  blocked(key: string): number {
    const w = this.windows.get(key);
    const t = this.now();
    return w && w.resetAt > t && w.count >= this.max ? Math.ceil((w.resetAt - t) / 1000) : 0;
  }
}

export function clientIp(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for');
  if (forwarded && process.env.TRUST_PROXY === '1') return forwarded.split(',')[0].trim();
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) carry no socket
  }
}

/** How a refusal is answered: problem+json unless the route family renders a page for people. */
export type Refuse = (c: Context, retryAfter: number) => Response | Promise<Response>;

export const refuseAsProblem: Refuse = (_c, retryAfter) => {
  const err = new AppError(429, `Too many requests; try again in ${retryAfter} seconds.`);
  err.headers = { 'retry-after': String(retryAfter) };
  throw err;
};

/**
 * The per-address budget for failed credentials (links, bearer tokens, sign-ins, session cookies). It
 * refuses only failures: an address is often a whole office behind one NAT, so one mistyped bookmark or
 * one hostile colleague must never lock out the valid links and tokens used from there.
 */
export class FailureBudget {
  constructor(private readonly failures: RateLimiter) {}

  /** Seconds to wait when the address has used up its budget, else 0. */
  exhausted(c: Context): number {
    return this.failures.blocked(clientIp(c));
  }

  fail(c: Context): void {
    this.failures.hit(clientIp(c));
  }
}

/**
 * Token routes (respondent and customer survey links): the address's failure budget and, where a link
 * belongs to one person, a budget per token for normal use (a customer survey's shareable link serves
 * every customer, so it has none: one person could otherwise lock all the others out). Once the address
 * is over its budget the token is looked up before anything else, so a valid link still opens and a wrong
 * one is refused whatever the handler would have said.
 */
export function tokenRouteLimit(opts: {
  perToken?: RateLimiter;
  failures: FailureBudget;
  token: (c: Context) => string | undefined;
  isValid: (token: string) => Promise<boolean>;
  refuse?: Refuse;
}): MiddlewareHandler {
  const refuse = opts.refuse ?? refuseAsProblem;
  const known = async (token: string | undefined) => token !== undefined && (await opts.isValid(token));
  return async (c, next) => {
    const token = opts.token(c);
    const wait = opts.failures.exhausted(c);
    if (wait && !(await known(token))) return refuse(c, wait);
    if (token && opts.perToken) {
      const w = opts.perToken.hit(token);
      if (w) return refuse(c, w);
    }
    await next();
    // A valid link can still 404 (a section that does not exist); only an unknown link is a guess.
    if ((c.res.status === 401 || c.res.status === 404) && !(await known(token))) opts.failures.fail(c);
  };
}
