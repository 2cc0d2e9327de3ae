import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/web/shared/security.js';
import { buildTestApp } from '../helpers.js';

/**
 * Issue 15, defect 11: the app-wide secure headers ran after the pages' own and replaced them, so a
 * respondent page went out with X-Frame-Options SAMEORIGIN and Referrer-Policy no-referrer instead of its
 * own DENY and same-origin (which its form posts rely on to carry Origin).
 */
describe('page-specific security headers', () => {
  it('reach the browser as each page set them, with the app-wide defaults filling only the gaps', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    for (const url of [`/r/${inv.token}`, '/app/login', '/app/login?lang=en']) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy'), url).toBe(PAGE_CSP);
      expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('cache-control'), url).toBe('no-store');
      expect(res.headers.get('strict-transport-security'), url).toContain('max-age=');
    }
  });

  it('leave the API its own policy', async () => {
    const t = await buildTestApp();
    const res = await t.app.request('/api/v1/questionnaires', { headers: { authorization: `Bearer ${await t.consultant()}` } });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
