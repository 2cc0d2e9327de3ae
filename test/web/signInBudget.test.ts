import { describe, expect, it } from 'vitest';
import { buildConsultantApp } from './helpers.js';

/**
 * Issue 15, defect 1 on the dashboard: after a few failed sign-ins from an address, every valid sign-in and
 * every open session from that address was refused for a minute. Only failures may be refused.
 */
describe('dashboard sign-in after an address used up its failure budget', () => {
  it('signs in with a valid token and keeps open sessions working, while wrong tokens are refused', async () => {
    const c = await buildConsultantApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '2' } });
    const open = (await c.post('/app/login', { token: c.consultant })).headers.get('set-cookie')!.split(';')[0];
    for (const token of ['not-a-real-token-at-all-0000', 'another-wrong-token-0000000']) expect((await c.post('/app/login', { token })).status).toBe(401);

    const signIn = await c.post('/app/login', { token: c.consultant });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('set-cookie')).toMatch(/^mehvar_session=[^;]+;/);
    expect((await c.get('/app', signIn.headers.get('set-cookie')!.split(';')[0])).status).toBe(200);
    expect((await c.get('/app', open)).status).toBe(200);

    const wrong = await c.post('/app/login', { token: 'third-wrong-token-000000000' });
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get('retry-after'))).toBeGreaterThan(0);
    const guessedCookie = await c.get('/app', 'mehvar_session=guessed-session-value-00000000');
    expect(guessedCookie.status).toBe(429);
  });
});
