import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

/**
 * Issue 15, defect 1: the per-address failure budget locked out every valid link and token from an address
 * (a whole office behind one NAT) once anyone there had mistyped 30 links. Only failures may be refused.
 */
describe('the per-address failure budget refuses only failures', () => {
  it('still opens a valid respondent link, by API and as a page, after the address used up its budget', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '3' } });
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    for (let i = 0; i < 3; i++) expect((await t.call('GET', `/api/v1/respond/guess-${i}-xxxxxxxxxxxxxxxx`)).status).toBe(404);

    expect((await t.call('GET', `/api/v1/respond/${inv.token}`)).status).toBe(200);
    expect((await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 3 } } })).status).toBe(200);
    expect((await t.app.request(`/r/${inv.token}`)).status).toBe(200);

    const guess = await t.call('GET', '/api/v1/respond/one-more-guess-xxxxxxxxxxxx');
    expect(guess.status).toBe(429);
    expect(guess.type).toContain('application/problem+json');
    expect(Number(guess.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts wrong bearer tokens on the API as failures, and never refuses a valid one', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '3' } });
    const consultant = await t.consultant();
    for (let i = 0; i < 3; i++) expect((await t.call('GET', '/api/v1/organizations', { token: `wrong-token-${i}-xxxxxxxxxxxxxxxx` })).status).toBe(401);

    const slowed = await t.call('GET', '/api/v1/organizations', { token: 'wrong-token-again-xxxxxxxxxxxxxxxx' });
    expect(slowed.status).toBe(429);
    expect(slowed.type).toContain('application/problem+json');
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await t.call('GET', '/api/v1/organizations', { token: consultant })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/organizations', { token: consultant, json: { name: { fa: 'سازمان' } } })).status).toBe(201);
  });

  it('shares one budget between guessed links and guessed bearer tokens', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '2' } });
    expect((await t.call('GET', '/api/v1/respond/guess-xxxxxxxxxxxxxxxxxxxx')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/organizations', { token: 'wrong-token-xxxxxxxxxxxxxxxx' })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/organizations', { token: 'wrong-token-2-xxxxxxxxxxxxxxxx' })).status).toBe(429);
    expect((await t.call('GET', '/api/v1/respond/guess-2-xxxxxxxxxxxxxxxxxxxx')).status).toBe(429);
  });

  it('does not count a request without any credential as a guess', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '2' } });
    for (let i = 0; i < 4; i++) expect((await t.call('GET', '/api/v1/organizations')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/organizations', { token: 'wrong-token-xxxxxxxxxxxxxxxx' })).status).toBe(401);
  });
});
