import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clientIp, RateLimiter } from '../http/rateLimit.js';

// Abuse limits for a customer survey's public link, shared by its JSON API and its pages under /c. The
// shareable link is used by every customer of a shop, so nothing here counts per link: a limit per link
// would let one person lock every other customer out.

/** Answers one address may send to one survey per hour: a family or a shop's Wi-Fi stays well under it. */
export const ANSWERS_PER_ADDRESS_PER_HOUR = 20;

/**
 * Counts what each address actually stored, per survey, and refuses that address (only) once it is over
 * the budget; other addresses, and the survey page itself, are never affected.
 */
export class CustomerAnswerBudget {
  private readonly stored: RateLimiter;
  constructor(max = ANSWERS_PER_ADDRESS_PER_HOUR, windowMs = 60 * 60_000, now?: () => number) {
    this.stored = new RateLimiter(max, windowMs, now);
  }

  private key(c: Context, surveyKey: string) {
    return `${clientIp(c)}\u0000${surveyKey}`;
  }

  /** Seconds this address must wait before sending another answer to the survey, else 0. */
  exhausted(c: Context, surveyKey: string): number {
    return this.stored.blocked(this.key(c, surveyKey));
  }

  count(c: Context, surveyKey: string): void {
    this.stored.hit(this.key(c, surveyKey));
  }
}

/** The per-browser mark that this browser has answered a survey: a soft dedupe, with no identity in it. */
const cookieName = (surveyId: string) => `mehvar_c_${surveyId.replace(/-/g, '').slice(0, 16)}`;

export function answeredHere(c: Context, surveyId: string): boolean {
  return getCookie(c, cookieName(surveyId)) === '1';
}

export function markAnswered(c: Context, surveyId: string, publicUrl: string): void {
  setCookie(c, cookieName(surveyId), '1', {
    path: '/',
    maxAge: 365 * 24 * 3600,
    httpOnly: true,
    sameSite: 'Lax',
    secure: publicUrl.startsWith('https:'),
  });
}
