import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../helpers.js';

describe('audit log', () => {
  it('records who created, invited, imported, exported and closed', async () => {
    const t = await buildTestApp();
    const { token, orgId, assessmentId } = await t.setup();
    const invitations = await t.invite(token, assessmentId, 'staff', 2);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses: [{ role: 'staff', answers: { 'org.know': 3 } }] } });
    await t.call('GET', `/api/v1/assessments/${assessmentId}/export/responses.csv`, { token });
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });

    const res = await t.call('GET', `/api/v1/audit?organizationId=${orgId}`, { token });
    expect(res.status).toBe(200);
    expect(res.data.events.map((e: any) => e.action).reverse()).toEqual([
      'organization.create', 'assessment.create', 'invitations.create', 'responses.import', 'export.responses', 'assessment.close',
    ]);
    expect(res.data.events.find((e: any) => e.action === 'invitations.create').details).toEqual({ count: 2 });
    // Tokens never reach the log.
    expect(JSON.stringify(res.data)).not.toContain(invitations[0].token);
    expect(JSON.stringify(res.data)).not.toContain(token);
  });

  it('shows a consultant only its organizations and the admin everything', async () => {
    const t = await buildTestApp();
    const { orgId } = await t.setup();
    const other = await t.consultant('Other');
    expect((await t.call('GET', `/api/v1/audit?organizationId=${orgId}`, { token: other })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/audit', { token: other })).status).toBe(400);
    const all = await t.call('GET', '/api/v1/audit', { token: ADMIN_TOKEN });
    expect(all.data.events.length).toBe(2);
  });
});
