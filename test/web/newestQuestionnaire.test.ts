import { describe, expect, it } from 'vitest';
import { buildConsultantApp } from './helpers.js';

// Issue 16: new assessments start on mehvar-core v2, from the API and from the dashboard's form; v1 stays
// on offer for an organization that wants to repeat a v1 round.
describe('the questionnaire a new assessment starts on', () => {
  it('is the newest version in the dashboard form, chosen unless the consultant picks another', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const org = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'شرکت نمونه' }, s.cookie);
    const orgId = org.headers.get('location')!.split('?')[0].split('/').pop()!;
    const html = await (await c.get(`/app/organizations/${orgId}`, s.cookie)).text();
    const options = [...html.matchAll(/<option value="([^"]+)"( selected="")?>/g)].map((m) => ({ value: m[1], selected: Boolean(m[2]) }));
    expect(options.filter((o) => o.value.startsWith('mehvar-core@')).map((o) => o.value)).toEqual(['mehvar-core@2', 'mehvar-core@1']);
    expect(options.find((o) => o.selected)?.value).toBe('mehvar-core@2');
    expect(html).toContain('۷۴'); // the option names its item count

    const made = await c.post(`/app/organizations/${orgId}/assessments`, { csrf: s.csrf, title: 'ارزیابی', questionnaire: 'mehvar-core@2' }, s.cookie);
    expect(made.status).toBe(303);
    const repeat = await c.post(`/app/organizations/${orgId}/assessments`, { csrf: s.csrf, title: 'تکرار دور قبلی', questionnaire: 'mehvar-core@1' }, s.cookie);
    expect(repeat.status).toBe(303);
    const rows = await c.t.db.selectFrom('assessments').select(['title', 'questionnaire_version']).orderBy('title').execute();
    expect(rows).toEqual([
      { title: 'ارزیابی', questionnaire_version: 2 },
      { title: 'تکرار دور قبلی', questionnaire_version: 1 },
    ]);
  });

  it('is the newest version in the API when none is named, and v1 when asked for', async () => {
    const c = await buildConsultantApp();
    const org = await c.t.call('POST', '/api/v1/organizations', { token: c.consultant, json: { name: { fa: 'شرکت نمونه' } } });
    const url = `/api/v1/organizations/${org.data.id}/assessments`;
    const fresh = await c.t.call('POST', url, { token: c.consultant, json: { title: 'تازه', questionnaireId: 'mehvar-core' } });
    const old = await c.t.call('POST', url, { token: c.consultant, json: { title: 'قدیمی', questionnaireId: 'mehvar-core', questionnaireVersion: 1 } });
    expect([fresh.status, old.status]).toEqual([201, 201]);
    const version = async (id: string) => (await c.t.db.selectFrom('assessments').select('questionnaire_version').where('id', '=', id).executeTakeFirstOrThrow()).questionnaire_version;
    expect([await version(fresh.data.id), await version(old.data.id)]).toEqual([2, 1]);
    // Each is served in its own version: the respondent sees 74 or 56 items.
    const count = async (id: string) => {
      const [inv] = (await c.t.call('POST', `/api/v1/assessments/${id}/invitations`, { token: c.consultant, json: { invitations: [{ role: 'staff' }] } })).data.invitations;
      const form = await c.t.call('GET', `/api/v1/respond/${inv.token}`);
      return form.data.questionnaire.sections.reduce((n: number, s: { items: unknown[] }) => n + s.items.length, 0);
    };
    expect([await count(fresh.data.id), await count(old.data.id)]).toEqual([74, 56]);
  });
});
