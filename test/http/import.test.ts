import { describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { buildTestApp } from '../helpers.js';

const url = (id: string) => `/api/v1/assessments/${id}/responses/import`;

describe('paper import', () => {
  it('imports CSV rows with empty = unanswered and NA = don\'t know', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const csv = '\uFEFFrole,department,org.know,org.values,cust.service\nstaff,فروش,4,NA,\nmanager,,5,3,2\n';
    const res = await t.call('POST', url(assessmentId), { token, body: csv, type: 'text/csv' });
    expect(res.status).toBe(201);
    expect(res.data).toEqual({ imported: 2 });
    const rows = await t.db.selectFrom('responses').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => [r.role, r.department, r.source])).toEqual([['staff', 'فروش', 'import'], ['manager', null, 'import']]);
    // Item order: org.know, org.values, org.bureaucracy, cust.service, cust.contact, cust.process
    expect(Array.from(decodeAnswers(rows[0].answers))).toEqual([4, DONT_KNOW, UNANSWERED, UNANSWERED, UNANSWERED, UNANSWERED]);
    expect(Array.from(decodeAnswers(rows[1].answers))).toEqual([5, 3, UNANSWERED, 2, UNANSWERED, UNANSWERED]);
  });

  it('is all or nothing: bad rows are listed with row, column and reason, and nothing is stored', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const csv = 'role,department,org.know,cust.service\nstaff,,4,3\nboss,,9,x\nstaff,,,\n';
    const res = await t.call('POST', url(assessmentId), { token, body: csv, type: 'text/csv' });
    expect(res.status).toBe(422);
    expect(res.data.errors).toEqual([
      { path: 'row 3, column role', message: 'must be manager or staff' },
      { path: 'row 3, column cust.service', message: '"x" is not an integer, empty, NA ("don\'t know") or N/A ("not applicable")' },
      { path: 'row 3, column org.know', message: "must be between 1 and 5, or null (\"don't know\")" },
      { path: 'row 4', message: 'no answers in this row' },
    ]);
    expect(await t.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });

  it('rejects unknown item columns in the header', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const res = await t.call('POST', url(assessmentId), { token, body: 'role,department,bogus\nstaff,,1\n', type: 'text/csv' });
    expect(res.status).toBe(422);
    expect(res.data.errors[0]).toEqual({ path: 'row 1, column 3 (bogus)', message: 'unknown item id "bogus"' });
  });

  it('imports JSON and validates it the same way', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const ok = await t.call('POST', url(assessmentId), {
      token,
      json: { responses: [{ role: 'staff', department: 'پشتيباني', answers: { 'org.know': 2, 'cust.contact': null } }] },
    });
    expect(ok.status).toBe(201);
    const row = await t.db.selectFrom('responses').select('department').executeTakeFirstOrThrow();
    expect(row.department).toBe('پشتیبانی');
    const bad = await t.call('POST', url(assessmentId), { token, json: { responses: [{ role: 'staff', answers: { 'org.know': 0 } }] } });
    expect(bad.status).toBe(422);
    expect(bad.data.errors[0].path).toBe('responses.0.answers.org.know');
    expect(await t.db.selectFrom('responses').selectAll().execute()).toHaveLength(1);
  });

  it('refuses other content types (415), oversized files (413), closed assessments (409) and managers (403)', async () => {
    const t = await buildTestApp();
    const { token, assessmentId, orgId } = await t.setup();
    expect((await t.call('POST', url(assessmentId), { token, body: 'x', type: 'text/plain' })).status).toBe(415);
    const huge = 'role,department,org.know\n' + 'staff,,3\n'.repeat(30_000);
    expect((await t.call('POST', url(assessmentId), { token, body: huge, type: 'text/csv' })).status).toBe(413);
    const { ADMIN_TOKEN } = await import('../helpers.js');
    const m = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'm', organizationId: orgId } });
    expect((await t.call('POST', url(assessmentId), { token: m.data.token, body: 'role,department,org.know\nstaff,,3\n', type: 'text/csv' })).status).toBe(403);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    expect((await t.call('POST', url(assessmentId), { token, body: 'role,department,org.know\nstaff,,3\n', type: 'text/csv' })).status).toBe(409);
    expect(await t.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });
});
