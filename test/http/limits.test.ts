import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/http/rateLimit.js';
import { buildTestApp } from '../helpers.js';

describe('rate limits', () => {
  it('counts per key within a window and tells how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('b')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBe(60);
    now = 59_500;
    expect(limiter.hit('a')).toBe(1);
    now = 60_000;
    expect(limiter.hit('a')).toBe(0);
  });

  it('forgets expired windows once many keys are tracked, and keeps the live ones', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 60_000, () => now);
    for (let i = 0; i < 60_000; i++) limiter.hit(`early-${i}`);
    now = 30_000;
    for (let i = 0; i < 100; i++) limiter.hit(`later-${i}`);
    expect(limiter.size).toBe(60_100); // nothing has expired yet
    now = 61_000; // the early windows are over, the later ones are not
    expect(limiter.hit('later-0')).toBeGreaterThan(0);
    expect(limiter.size).toBe(100);
    expect(limiter.hit('early-0')).toBe(0); // a fresh window
  });

  it('answers 429 with Retry-After once an address has guessed too many respondent links', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '3' } });
    for (let i = 0; i < 3; i++) expect((await t.call('GET', `/api/v1/respond/guess-${i}-xxxxxxxxxxxxxxxx`)).status).toBe(404);
    // Only guesses are refused; a valid link still opens (test/http/failureBudget.test.ts).
    const limited = await t.call('GET', '/api/v1/respond/guess-3-xxxxxxxxxxxxxxxx');
    expect(limited.status).toBe(429);
    expect(limited.type).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('bounds how often one link is used', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_PER_TOKEN: '5' } });
    const { token, assessmentId } = await t.setup();
    const [inv, other] = await t.invite(token, assessmentId, 'staff', 2);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 3 } } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await t.call('GET', `/api/v1/respond/${other.token}`)).status).toBe(200);
  });
});
