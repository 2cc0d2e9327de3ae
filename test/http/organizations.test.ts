import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../helpers.js';

describe('users and organizations', () => {
  it('admin creates a consultant whose token works and is stored only hashed', async () => {
    const t = await buildTestApp();
    const res = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'consultant', name: 'مشاور' } });
    expect(res.status).toBe(201);
    expect(res.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.selectFrom('users').select('token_hash').where('id', '=', res.data.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(res.data.token);
    expect((await t.call('GET', '/api/v1/organizations', { token: res.data.token })).status).toBe(200);
  });

  it('rejects missing and wrong tokens with 401 problem+json', async () => {
    const t = await buildTestApp();
    const none = await t.call('GET', '/api/v1/organizations');
    expect(none.status).toBe(401);
    expect(none.type).toContain('application/problem+json');
    expect(none.data).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await t.call('GET', '/api/v1/organizations', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  it('only the admin creates users; a manager needs an organization', async () => {
    const t = await buildTestApp();
    const c = await t.consultant();
    expect((await t.call('POST', '/api/v1/users', { token: c, json: { role: 'consultant', name: 'x' } })).status).toBe(403);
    const m = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'm' } });
    expect(m.status).toBe(400);
    expect(m.data.errors).toEqual([{ path: 'organizationId', message: 'required for a manager' }]);
  });

  it('creates an organization, normalizing Arabic letters and keeping ZWNJ', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('POST', '/api/v1/organizations', {
      token,
      json: { name: { fa: '  شركت مي\u200Cخواهيم  ', en: 'Co' }, sector: 'بانكداري', headcount: 120 },
    });
    expect(res.status).toBe(201);
    expect(res.data.name.fa).toBe('شرکت می\u200Cخواهیم');
    expect(res.data.sector).toBe('بانکداری');
    const one = await t.call('GET', `/api/v1/organizations/${res.data.id}`, { token });
    expect(one.data).toMatchObject({ id: res.data.id, headcount: 120, assessments: [] });
  });

  it('names each bad field and stores nothing', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: '   ' }, headcount: -3, extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const paths = res.data.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name.fa', 'headcount']));
    expect(res.data.errors.some((e: { message: string }) => /extra/.test(e.message) || e.message.includes('Unrecognized'))).toBe(true);
    expect(await t.db.selectFrom('organizations').selectAll().execute()).toHaveLength(0);
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('POST', '/api/v1/organizations', { token, body: '{"name": {', type: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
  });

  it('hides another tenant\'s organization behind 404; managers see only their own, read-only', async () => {
    const t = await buildTestApp();
    const { orgId } = await t.setup();
    const other = await t.consultant('Other');
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, { token: other })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/organizations', { token: other })).data.organizations).toEqual([]);

    const m = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'مدیر', organizationId: orgId } });
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, { token: m.data.token })).status).toBe(200);
    const write = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token: m.data.token, json: { title: 'x', questionnaireId: 'tiny' } });
    expect(write.status).toBe(403);

    await t.call('POST', `/api/v1/organizations/${orgId}/consultants`, { token: ADMIN_TOKEN, json: { userId: (await t.db.selectFrom('users').select('id').where('name', '=', 'Other').executeTakeFirstOrThrow()).id } });
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, { token: other })).status).toBe(200);
  });

  it('rejects an oversized body with 413', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'ب'.repeat(200_000) } } });
    expect(res.status).toBe(413);
    expect(res.type).toContain('application/problem+json');
  });

  it('serves OpenAPI 3.1, the docs page and health', async () => {
    const t = await buildTestApp();
    const doc = await t.call('GET', '/openapi.json');
    expect(doc.data.openapi).toBe('3.1.0');
    expect(Object.keys(doc.data.paths)).toEqual(expect.arrayContaining(['/api/v1/respond/{token}/submit', '/api/v1/assessments/{id}/responses/import']));
    const docs = await t.app.request('/docs');
    expect(await docs.text()).toContain('/api/v1/organizations');
    expect((await t.call('GET', '/healthz')).data).toEqual({ status: 'ok' });
    expect((await t.call('GET', '/nope')).status).toBe(404);
  });
});

describe('control characters', () => {
  it('refuses NUL in names, ids and departments with 400 (PostgreSQL cannot store it)', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت\u0000' } } });
    expect(org.status).toBe(400);
    expect(org.data.errors[0]).toEqual({ path: 'name.fa', message: 'must not contain control characters' });
    expect((await t.call('GET', '/api/v1/organizations/%00', { token })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/audit?organizationId=%00', { token })).status).toBe(400);
    // Line breaks and tabs in a comment are fine; NUL is not.
    const { assessmentId, token: t2 } = await t.setup();
    const [inv] = await t.invite(t2, assessmentId);
    expect((await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: {}, comments: { org: 'خط اول\nخط دوم' } } })).status).toBe(200);
    expect((await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: {}, comments: { org: 'x\u0000' } } })).status).toBe(400);
  });

  it('accepts a submit with a JSON content type and no body', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 3 } } });
    const res = await t.call('POST', `/api/v1/respond/${inv.token}/submit`, { type: 'application/json' });
    expect(res.data.status).toBe('submitted');
  });
});
