import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers.js';

// Issue 15, defect 6: text that cannot be stored faithfully or that disguises itself on screen was accepted.

const rows = async (t: TestApp) =>
  JSON.stringify(await Promise.all(['organizations', 'assessments', 'invitations', 'users'].map((x) => t.db.selectFrom(x as 'users').selectAll().execute())));

/** A raw JSON body, so lone surrogates travel as `\ud800` escapes exactly as a hostile client sends them. */
const raw = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json' });

describe('user-typed text', () => {
  it.each([
    ['a lone surrogate', 'شرکت \uD800'],
    ['a lone low surrogate', '\uDC00نمونه'],
    ['a right-to-left override', 'شرکت \u202Eکلاهبردار'],
    ['a left-to-right isolate', '\u2066Pars\u2069'],
    ['a C1 control (CSI)', 'Pars\u009B31m'],
    ['DEL', 'Pars\u007F'],
    ['a line break in a name', 'Pars\nSample'],
    ['a tab in a name', 'Pars\tSample'],
    ['only zero-width characters', '\u200C\u200B\u200D'],
    ['only a byte-order mark and spaces', '\uFEFF \u2060'],
  ])('refuses an organization name with %s: 400 naming the field, nothing stored', async (_what, name) => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const before = await rows(t);
    const res = await t.call('POST', '/api/v1/organizations', { token, ...raw({ name: { fa: name } }) });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(['name.fa']);
    expect(await rows(t)).toBe(before);
  });

  // From outside: a lone surrogate sent as the three bytes ED A0 80 (or any bytes that are not UTF-8) was
  // decoded to U+FFFD and stored, a name other than the one sent.
  it.each([
    ['an encoded lone surrogate', [0xed, 0xa0, 0x80]],
    ['a byte that is never UTF-8', [0xff]],
    ['an overlong encoding', [0xc0, 0x80]],
  ])('refuses a name sent with %s: 400 naming the field, no replacement characters stored', async (_what, bytes) => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const before = await rows(t);
    const body = Buffer.concat([Buffer.from('{"name":{"fa":"شرکت '), Buffer.from(bytes), Buffer.from('"}}')]);
    const res = await t.app.request('/api/v1/organizations', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['name.fa']);
    expect(await rows(t)).toBe(before);
  });

  it('names each bad field across titles, sectors, departments, user names and comments', async () => {
    const t = await buildTestApp();
    const { token, orgId, assessmentId } = await t.setup();
    const bad = [
      ['POST', '/api/v1/organizations', { name: { fa: 'پارس' }, sector: 'خدمات\u0085' }, 'sector'],
      ['POST', `/api/v1/organizations/${orgId}/assessments`, { title: '\u202Bارزیابی', questionnaireId: 'tiny' }, 'title'],
      ['POST', `/api/v1/assessments/${assessmentId}/invitations`, { invitations: [{ role: 'staff', department: '\u200B' }] }, 'invitations.0.department'],
      ['POST', `/api/v1/assessments/${assessmentId}/invitations`, { invitations: [{ role: 'staff', department: 'فروش\u2067' }] }, 'invitations.0.department'],
    ] as const;
    const before = await rows(t);
    for (const [method, url, body, path] of bad) {
      const res = await t.call(method, url, { token, ...raw(body) });
      expect({ url, status: res.status, paths: res.data.errors?.map((e: { path: string }) => e.path) }).toEqual({ url, status: 400, paths: [path] });
    }
    const { ADMIN_TOKEN } = await import('../helpers.js');
    const user = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, ...raw({ role: 'consultant', name: 'Ali\u0007' }) });
    expect(user.status).toBe(400);
    expect(user.data.errors[0].path).toBe('name');
    expect(await rows(t)).toBe(before);
  });

  it('lets a comment keep its line breaks and tabs but refuses other controls and lone surrogates in it', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    const url = `/api/v1/respond/${inv.token}/answers`;
    for (const comment of ['خط اول\u009Bخط دوم', 'x\u0000', 'نظر \uDBFF', 'bell\u0007']) {
      const res = await t.call('PUT', url, raw({ answers: { 'org.know': 3 }, comments: { org: comment } }));
      expect(res.status).toBe(400);
      expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(['comments.org']);
    }
    const draft = await t.db.selectFrom('invitations').select(['status', 'draft_answers']).executeTakeFirstOrThrow();
    expect(draft).toEqual({ status: 'not_started', draft_answers: null });

    const ok = await t.call('PUT', url, raw({ answers: { 'org.know': 3 }, comments: { org: 'خط اول\r\n\tخط دوم' } }));
    expect(ok.status).toBe(200);
    expect(ok.data.draft.comments.org).toBe('خط اول\r\n\tخط دوم');
  });

  it('keeps ZWNJ inside Persian words and makes Arabic yeh and kaf Persian', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('POST', '/api/v1/organizations', { token, ...raw({ name: { fa: '\u200Cمشتری‌مداری شركت علي\u200C ' }, sector: 'خدمات مالی' }) });
    expect(res.status).toBe(201);
    const org = await t.db.selectFrom('organizations').select(['name_fa', 'sector']).executeTakeFirstOrThrow();
    expect(org).toEqual({ name_fa: 'مشتری\u200Cمداری شرکت علی', sector: 'خدمات مالی' });
  });
});
