import { describe, expect, it } from 'vitest';
import { buildConsultantApp, buildRespondentApp } from './helpers.js';

// Issue 15, defects 6 and 7 through the HTML forms: the same text rules and the same unknown-item check as
// the JSON API, with the page naming the field.

describe('dashboard and respondent forms', () => {
  it('refuses an organization name with a bidi override, showing the form again with that field marked', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const res = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'شرکت \u202Eکلاهبردار', sector: 'خدمات' }, s.cookie);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#f-nameFa"');
    expect(html).toMatch(/id="f-nameFa"[^>]*aria-invalid="true"/);
    expect(await c.t.db.selectFrom('organizations').selectAll().execute()).toHaveLength(0);
  });

  it('refuses an organization name whose bytes are not UTF-8 (an encoded lone surrogate), with that field marked', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    await c.get('/app', s.cookie);
    const res = await c.t.app.request('/app/organizations', {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `csrf=${encodeURIComponent(s.csrf)}&nameFa=%D8%B4%D8%B1%DA%A9%D8%AA%20%ED%A0%80`,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="f-nameFa"[^>]*aria-invalid="true"/);
    expect(await c.t.db.selectFrom('organizations').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a department made only of zero-width characters when creating links', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const org = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'مشتری‌مداری' }, s.cookie);
    const orgId = org.headers.get('location')!.split('?')[0].split('/').pop()!;
    const a = await c.post(`/app/organizations/${orgId}/assessments`, { csrf: s.csrf, title: 'ارزیابی', questionnaire: 'mehvar-core@1' }, s.cookie);
    const id = a.headers.get('location')!.split('?')[0].split('/').pop()!;
    const res = await c.post(`/app/assessments/${id}/invitations`, { csrf: s.csrf, role: 'staff', department: '\u200C\u200B', count: '2' }, s.cookie);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('href="#f-department"');
    expect(await c.t.db.selectFrom('invitations').selectAll().execute()).toHaveLength(0);
    const name = await c.t.db.selectFrom('organizations').select('name_fa').executeTakeFirstOrThrow();
    expect(name.name_fa).toBe('مشتری\u200Cمداری');
  });

  it('refuses a comment with a C1 control and keeps its line breaks otherwise', async () => {
    const r = await buildRespondentApp();
    const bad = await r.post(`/r/${r.token}/s/1`, [['comment', 'نظر\u009B31m']]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#comment"');
    expect(await r.draft()).toEqual({ status: 'not_started', answers: {}, comments: {} });
    const ok = await r.post(`/r/${r.token}/s/1`, [['comment', 'خط اول\r\nخط دوم']]);
    expect(ok.status).toBe(303);
    expect(Object.values((await r.draft()).comments)).toEqual(['خط اول\r\nخط دوم']);
  });

  it('names an a.__proto__ field as an unknown question and saves nothing', async () => {
    const r = await buildRespondentApp();
    const res = await r.post(`/r/${r.token}/s/1?lang=en`, [['a.__proto__', '3'], [`a.${r.sectionItems[0][0]}`, '2']]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('There is no question &quot;__proto__&quot;');
    expect(await r.draft()).toEqual({ status: 'not_started', answers: {}, comments: {} });
  });
});
