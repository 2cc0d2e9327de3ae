import { describe, expect, it } from 'vitest';
import { redactPath } from '../../src/http/requestLog.js';
import { buildTestApp } from '../helpers.js';

describe('web safety', () => {
  it('sets secure headers and a content security policy', async () => {
    const t = await buildTestApp();
    const res = await t.app.request('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('keeps respondent tokens out of log lines', () => {
    expect(redactPath('/api/v1/respond/abcDEF123/submit')).toBe('/api/v1/respond/[token]/submit');
    expect(redactPath('/r/abcDEF123/s/2')).toBe('/r/[token]/s/2');
    expect(redactPath('/api/v1/assessments/x')).toBe('/api/v1/assessments/x');
  });

  it('serves the docs page without scripts', async () => {
    const t = await buildTestApp();
    const res = await t.app.request('/docs');
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
  });
});
