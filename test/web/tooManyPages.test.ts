import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/web/shared/security.js';
import { buildTestApp } from '../helpers.js';
import { buildConsultantApp } from './helpers.js';

/**
 * Issue 15, defect 2: a respondent whose browser hit a rate limit on /r/… saw raw problem+json. People get a
 * page in their language that says when to try again; programs get problem+json, by route family and Accept.
 */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function overLinkBudget() {
  const t = await buildTestApp({ env: { RATE_LIMIT_PER_TOKEN: '1' } });
  const { token, assessmentId } = await t.setup();
  const [inv] = await t.invite(token, assessmentId);
  expect((await t.app.request(`/r/${inv.token}`, { headers: { accept: BROWSER } })).status).toBe(200);
  return { t, link: inv.token };
}

describe('rate-limited respondent pages', () => {
  it('show a browser a Persian right-to-left page that says when to try again', async () => {
    const { t, link } = await overLinkBudget();
    const res = await t.app.request(`/r/${link}`, { headers: { accept: BROWSER } });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('text/html');
    const wait = Number(res.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="fa" dir="rtl">/);
    expect(html).toContain(`${new Intl.NumberFormat('fa-IR').format(wait)} ثانیه`);
    expect(html).toContain('href="/assets/respond.css');
  });

  it('speak English with ?lang=en, also for a form post', async () => {
    const { t, link } = await overLinkBudget();
    const res = await t.app.request(`/r/${link}/s/1?lang=en`, {
      method: 'POST',
      headers: { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'go=next',
    });
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(html).toContain(`try again in ${res.headers.get('retry-after')} seconds`);
  });

  it('answer a program that asks for JSON with problem+json, and the API always so', async () => {
    const { t, link } = await overLinkBudget();
    for (const accept of ['application/json', 'application/problem+json', 'application/json, text/html;q=0.5']) {
      const res = await t.app.request(`/r/${link}`, { headers: { accept } });
      expect(res.status, accept).toBe(429);
      expect(res.headers.get('content-type'), accept).toContain('application/problem+json');
      expect((await res.json()).status).toBe(429);
    }
    const api = await t.app.request(`/api/v1/respond/${link}`, { headers: { accept: BROWSER } });
    expect(api.status).toBe(429);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('show the page to an address that guessed too many links', async () => {
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '1' } });
    expect((await t.app.request('/r/guess-1-xxxxxxxxxxxxxxxxxxxx', { headers: { accept: BROWSER } })).status).toBe(404);
    const res = await t.app.request('/r/guess-2-xxxxxxxxxxxxxxxxxxxx', { headers: { accept: BROWSER } });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the dashboard sign-in lockout', () => {
  it('is a page for a browser and problem+json for a program that asks for JSON', async () => {
    const c = await buildConsultantApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '1' } });
    expect((await c.post('/app/login', { token: 'not-a-real-token-at-all-0000' })).status).toBe(401);

    const page = await c.post('/app/login?lang=en', { token: 'still-not-a-real-token-0000' }, undefined, { accept: BROWSER });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain(`try again in ${page.headers.get('retry-after')} seconds`);

    const program = await c.post('/app/login', { token: 'still-not-a-real-token-0000' }, undefined, { accept: 'application/json' });
    expect(program.status).toBe(429);
    expect(program.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(program.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await program.json()).toMatchObject({ status: 429, title: 'Too many requests' });
  });
});
