import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers.js';
import { buildConsultantApp } from './helpers.js';

/**
 * Issue 15, defect 10: the dashboard cookie was the API token itself, so signing out revoked nothing and a
 * copied cookie worked for as long as the token did. Sessions now have their own revocable identifier.
 */
type C = Awaited<ReturnType<typeof buildConsultantApp>>;

/** Signs in through the form, as a browser does; returns the cookie and the CSRF value of the page's forms. */
async function signIn(c: C, token: string) {
  const res = await c.post('/app/login', { token });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const page = await c.get('/app', cookie);
  expect(page.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1];
  return { cookie, csrf };
}

const signedIn = async (c: C, cookie: string) => (await c.get('/app', cookie)).status === 200;

describe('dashboard sessions', () => {
  it('are not the API token: the cookie is a value of its own that the API does not accept', async () => {
    const c = await buildConsultantApp();
    const { cookie } = await signIn(c, c.consultant);
    const value = cookie.slice(cookie.indexOf('=') + 1);
    expect(value).not.toBe(c.consultant);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await c.t.call('GET', '/api/v1/organizations', { token: value })).status).toBe(401);
    const stored = await c.t.db.selectFrom('sessions').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(value); // only its hash is kept
  });

  it('end on the server when the user signs out: the old cookie no longer opens the dashboard', async () => {
    const c = await buildConsultantApp();
    const s = await signIn(c, c.consultant);
    const other = await signIn(c, c.consultant); // the same user on another device
    const out = await c.post('/app/logout', { csrf: s.csrf }, s.cookie);
    expect(out.status).toBe(303);
    const replay = await c.get('/app', s.cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toMatch(/^\/app\/login/);
    expect(await signedIn(c, other.cookie)).toBe(true);
  });

  it('expire after 12 hours without use, and stay open while used', async () => {
    let now = new Date('2026-03-01T08:00:00Z').getTime();
    const c = await buildConsultantApp({ now: () => new Date(now) });
    const { cookie } = await signIn(c, c.consultant);
    now += 11 * 3600_000;
    expect(await signedIn(c, cookie)).toBe(true);
    now += 11 * 3600_000; // 22 h after signing in, 11 h after the last page
    expect(await signedIn(c, cookie)).toBe(true);
    now += 12 * 3600_000 + 60_000;
    expect(await signedIn(c, cookie)).toBe(false);
  });

  it('end when the user’s token is rotated or revoked', async () => {
    const c = await buildConsultantApp();
    const created = await c.t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'consultant', name: 'Sara' } });
    const { cookie } = await signIn(c, created.data.token);
    const rotated = await c.t.call('POST', `/api/v1/users/${created.data.id}/token`, { token: created.data.token });
    expect(rotated.status).toBe(200);
    expect(await signedIn(c, cookie)).toBe(false);

    const again = await signIn(c, rotated.data.token);
    expect((await c.t.call('DELETE', `/api/v1/users/${created.data.id}/token`, { token: ADMIN_TOKEN })).status).toBe(204);
    expect(await signedIn(c, again.cookie)).toBe(false);
    expect((await c.post('/app/login', { token: rotated.data.token })).status).toBe(401);
  });
});
