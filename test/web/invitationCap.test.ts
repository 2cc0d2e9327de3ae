import { describe, expect, it } from 'vitest';
import { buildConsultantApp } from './helpers.js';

// Issue 15, defect 9: the dashboard's link form goes through the same per-assessment cap as the API.
describe('dashboard link form', () => {
  it('refuses links past the assessment cap with the count field marked, creating none, and still shows the counts', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const org = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'شرکت نمونه' }, s.cookie);
    const orgId = org.headers.get('location')!.split('?')[0].split('/').pop()!;
    const a = await c.post(`/app/organizations/${orgId}/assessments`, { csrf: s.csrf, title: 'ارزیابی', questionnaire: 'mehvar-core@1' }, s.cookie);
    const id = a.headers.get('location')!.split('?')[0].split('/').pop()!;
    const api = `/api/v1/assessments/${id}/invitations`;
    for (const count of [5000, 5000, 5000, 4999]) expect((await c.t.call('POST', api, { token: c.consultant, json: { invitations: [{ role: 'staff', count }] } })).status).toBe(201);

    const over = await c.post(`/app/assessments/${id}/invitations?lang=en`, { csrf: s.csrf, role: 'staff', count: '2' }, s.cookie);
    expect(over.status).toBe(422);
    const html = await over.text();
    expect(html).toContain('href="#f-count"');
    expect(html).toContain('at most 20,000 links; 1 more can be created');
    expect(html).toContain('19,999'); // the participation counts still come from the whole assessment
    const ok = await c.post(`/app/assessments/${id}/invitations`, { csrf: s.csrf, role: 'staff', count: '1' }, s.cookie);
    expect(ok.status).toBe(303);
    const total = await c.t.db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(20_000);
  });
});
