import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../helpers.js';

/**
 * Every route in the OpenAPI document, called by someone who must not reach the victim's data: another
 * consultant, a manager of another organization, a respondent link used as a bearer token, no token.
 * Each gets 401/403/404 — or, for routes that list the caller's own things, a 2xx without the victim's data.
 */
const BODIES: Record<string, unknown> = {
  'put /api/v1/branding': { firmName: { fa: 'دفتر دیگر', en: 'Other office' }, primaryColor: '#123456' },
  'post /api/v1/users': { role: 'consultant', name: 'x' },
  'post /api/v1/organizations/{orgId}/consultants': { userId: 'x' },
  'post /api/v1/organizations/{orgId}/assessments': { title: 'x', questionnaireId: 'tiny' },
  'post /api/v1/assessments/{id}/invitations': { invitations: [{ role: 'staff' }] },
  'post /api/v1/assessments/{id}/responses/import': { responses: [{ role: 'staff', answers: { 'org.know': 3 } }] },
  'put /api/v1/respond/{token}/answers': { answers: { 'org.know': 1 } },
  'post /api/v1/organizations': { name: { fa: 'مهاجم' } },
  'post /api/v1/organizations/{orgId}/actions': { assessmentId: 'x', title: 'x', owner: 'x', dueDate: '2030-01-01', dimension: 'culture' },
  'patch /api/v1/actions/{id}': { status: 'done' },
  'put /api/v1/assessments/{id}/reminders/schedule': { daysBefore: 3 },
  'patch /api/v1/organizations/{orgId}': { sector: 'x' },
  'patch /api/v1/assessments/{id}': { title: 'x' },
  'post /api/v1/organizations/{orgId}/departments': { name: 'x' },
  'post /api/v1/assessments/{id}/invitations/batches/reissue': { createdAt: '2026-01-01T00:00:00.000Z', role: 'staff', department: null },
  'post /api/v1/assessments/{id}/invitations/batches/revoke': { createdAt: '2026-01-01T00:00:00.000Z', role: 'staff', department: null },
};
/** Routes whose 2xx for any signed-in user is by design (they list or create the caller's own things). */
// Routes that answer the caller's own things: another consultant gets theirs (the victim's must not show).
const OWN_DATA = new Set(['get /api/v1/organizations', 'post /api/v1/organizations', 'get /api/v1/questionnaires', 'get /api/v1/questionnaires/{id}', 'get /api/v1/branding', 'put /api/v1/branding']);

describe('tenant isolation over every route', () => {
  it('never lets another tenant, a respondent link or an anonymous caller reach an organization\'s data', async () => {
    // Every attacker below spends failures on purpose; the per-address budget is tested in test/http/failureBudget.test.ts.
    const t = await buildTestApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '100000' } });
    const victim = await t.setup();
    const [link] = await t.invite(victim.token, victim.assessmentId, 'staff', 2, 'حسابداری');
    await t.call('PUT', `/api/v1/respond/${link.token}/answers`, { json: { answers: { 'org.know': 4 } } });
    await t.call('POST', `/api/v1/respond/${link.token}/submit`);

    // The victim's consultant brands their reports; nobody else may see that firm.
    expect((await t.call('PUT', '/api/v1/branding', { token: victim.token, json: { firmName: { fa: 'مشاوران نهان', en: 'Hidden Advisers' }, primaryColor: '#8a2f4d' } })).status).toBe(200);
    const otherConsultant = await t.consultant('Mallory');
    const otherOrg = await t.call('POST', '/api/v1/organizations', { token: otherConsultant, json: { name: { fa: 'سازمان دیگر' } } });
    const otherManager = (await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'm', organizationId: otherOrg.data.id } })).data.token;
    const [strayLink] = await t.invite(otherConsultant, (await t.call('POST', `/api/v1/organizations/${otherOrg.data.id}/assessments`, { token: otherConsultant, json: { title: 'x', questionnaireId: 'tiny' } })).data.id);

    const attackers: Record<string, string | undefined> = { otherConsultant, otherManager, respondentLink: link.token, anonymous: undefined };
    const secrets = [victim.orgId, victim.assessmentId, 'شرکت نمونه پارس', 'حسابداری', link.token, 'مشاوران نهان', 'Hidden Advisers', '#8a2f4d'];
    const paths = (await t.call('GET', '/openapi.json')).data.paths as Record<string, Record<string, unknown>>;
    let checked = 0;
    for (const [path, ops] of Object.entries(paths))
      for (const method of Object.keys(ops)) {
        const key = `${method} ${path}`;
        const isRespond = path.startsWith('/api/v1/respond/');
        const url = path
          .replace('{orgId}', victim.orgId)
          .replace('{id}', path.startsWith('/api/v1/questionnaires') ? 'tiny' : victim.assessmentId)
          // A respondent route is reached with someone else's link: it must not open the victim's.
          .replace('{token}', strayLink.token) + (key === 'get /api/v1/audit' ? `?organizationId=${victim.orgId}` : '');
        for (const [who, token] of Object.entries(attackers)) {
          if (isRespond) continue; // the link is the credential there; covered in test/http/respond.test.ts
          const body = BODIES[key];
          const res = await t.call(method.toUpperCase(), url, { token, ...(body ? { json: body } : {}) });
          // `instance` echoes the caller's own request path; everything else must be free of the victim's data.
          const { instance: _echo, ...rest } = typeof res.data === 'object' && res.data ? res.data : { instance: '' };
          const text = JSON.stringify(rest);
          const ok = [401, 403, 404].includes(res.status) || (OWN_DATA.has(key) && token !== undefined && who !== 'respondentLink' && res.status < 300);
          expect(ok, `${who} ${key} → ${res.status} ${text.slice(0, 200)}`).toBe(true);
          for (const s of secrets) expect(text.includes(s), `${who} ${key} leaked ${s}`).toBe(false);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(60);
    // The victim's data is untouched: still one response, still one organization for the victim.
    expect(await t.db.selectFrom('responses').selectAll().where('assessment_id', '=', victim.assessmentId).execute()).toHaveLength(1);
  });
});
