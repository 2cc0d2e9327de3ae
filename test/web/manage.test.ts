import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/repositories/users.js';
import { ADMIN_TOKEN } from '../helpers.js';
import { buildConsultantApp } from './helpers.js';

// Running an engagement from the dashboard without JavaScript: every form posts, redirects with a
// confirmation, and anything that deletes or closes has a page of its own first.

const locationOf = (res: Response) => res.headers.get('location')!;
const idOf = (res: Response) => locationOf(res).split('?')[0].split('/').pop()!;

async function engagement() {
  const c = await buildConsultantApp({ now: () => new Date('2026-05-01T08:00:00Z') });
  const s = c.session(c.consultant);
  const org = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'شرکت نمونه پارس', nameEn: 'Pars Sample Co.', headcount: '۴۰' }, s.cookie);
  const orgId = idOf(org);
  const a = await c.post(`/app/organizations/${orgId}/assessments`, { csrf: s.csrf, title: 'ارزیابی ۱۴۰۵', questionnaire: 'mehvar-core@1', anonymityThreshold: '2' }, s.cookie);
  // The assessment is on version 1; c.q is the newest version.
  const v1 = c.t.deps.questionnaires.get('mehvar-core', 1)!.definition;
  return { ...c, s, orgId, org, assessmentId: idOf(a), created: a, v1 };
}

/** Submits `n` responses through new links of the department (answers through the API, as a respondent). */
async function responses(c: Awaited<ReturnType<typeof engagement>>, n: number, department?: string) {
  const links = await c.t.invite(c.consultant, c.assessmentId, 'staff', n, department);
  const answers = Object.fromEntries(c.v1.items.map((i) => [i.id, 4]));
  for (const l of links) expect((await c.t.call('POST', `/api/v1/respond/${l.token}/submit`, { json: { answers } })).status).toBe(200);
}

describe('dashboard: confirmations after forms', () => {
  it('confirms creating, in the reader’s language, once (not in the other language’s link)', async () => {
    const c = await engagement();
    expect(locationOf(c.org)).toBe(`/app/organizations/${c.orgId}?done=orgCreated`);
    const html = await (await c.get(locationOf(c.org), c.s.cookie)).text();
    expect(html).toContain('<p class="flash" role="status" id="flash">سازمان ساخته شد.</p>');
    expect(html).toContain(`href="/app/organizations/${c.orgId}?lang=en"`); // the language switch drops it
    const en = await (await c.get(`/app/assessments/${c.assessmentId}?done=assessmentCreated&lang=en`, c.s.cookie)).text();
    expect(en).toContain('Assessment created. Now create its invitation links.');
    for (const done of ['constructor', '__proto__', 'toString', 'nothing']) {
      const page = await (await c.get(`/app/organizations/${c.orgId}?done=${done}`, c.s.cookie)).text();
      expect(page, done).not.toContain('class="flash"');
    }
  });
});

describe('dashboard: editing and deleting', () => {
  it('edits an organization through a form filled with its values', async () => {
    const c = await engagement();
    const form = await (await c.get(`/app/organizations/${c.orgId}/edit`, c.s.cookie)).text();
    expect(form).toContain('value="شرکت نمونه پارس"');
    expect(form).toContain('value="۴۰"');
    const bad = await c.post(`/app/organizations/${c.orgId}/edit`, { csrf: c.s.csrf, nameFa: '' }, c.s.cookie);
    expect(bad.status).toBe(422);
    const ok = await c.post(`/app/organizations/${c.orgId}/edit`, { csrf: c.s.csrf, nameFa: 'شرکت پارس', nameEn: 'Pars Co.', sector: 'بیمه', headcount: '۵۰' }, c.s.cookie);
    expect(locationOf(ok)).toBe(`/app/organizations/${c.orgId}?done=orgSaved`);
    expect(await c.t.db.selectFrom('organizations').select(['name_fa', 'sector', 'headcount']).executeTakeFirstOrThrow()).toEqual({ name_fa: 'شرکت پارس', sector: 'بیمه', headcount: 50 });
  });

  it('edits an assessment, the closing date picked as a Jalali day', async () => {
    const c = await engagement();
    const ok = await c.post(
      `/app/assessments/${c.assessmentId}/edit`,
      { csrf: c.s.csrf, title: 'ارزیابی بهار', anonymityThreshold: '۵', targetCulture: '۷۰', closesOnYear: '1405', closesOnMonth: '3', closesOnDay: '31' },
      c.s.cookie,
    );
    expect(locationOf(ok)).toBe(`/app/assessments/${c.assessmentId}?done=assessmentSaved`);
    const a = await c.t.db.selectFrom('assessments').selectAll().executeTakeFirstOrThrow();
    // 31 Khordad 1405 is 21 June 2026; the assessment closes at the end of that day in Tehran.
    expect(a).toMatchObject({ title: 'ارزیابی بهار', anonymity_threshold: 5, target_culture: 70, closes_at: '2026-06-21T20:29:59.000Z' });
    const form = await (await c.get(`/app/assessments/${c.assessmentId}/edit`, c.s.cookie)).text();
    expect(form).toMatch(/<option value="31" selected="">۳۱<\/option>/);
    expect(form).toMatch(/<option value="3" selected="">خرداد<\/option>/);
    expect(form).toMatch(/<option value="1405" selected="">۱۴۰۵<\/option>/);
    // Esfand 30 exists only in a leap year: 1404 is not one.
    const noSuchDay = await c.post(`/app/assessments/${c.assessmentId}/edit`, { csrf: c.s.csrf, title: 'x', closesOnYear: '1404', closesOnMonth: '12', closesOnDay: '30' }, c.s.cookie);
    expect(noSuchDay.status).toBe(422);
    expect(await noSuchDay.text()).toContain('aria-invalid="true"');
  });

  it('deletes an assessment with no answers after a confirmation page; with answers only with its title typed', async () => {
    const c = await engagement();
    const page = await (await c.get(`/app/assessments/${c.assessmentId}/delete`, c.s.cookie)).text();
    expect(page).not.toContain('name="confirm"');
    await responses(c, 1);
    const withAnswers = await (await c.get(`/app/assessments/${c.assessmentId}/delete?lang=en`, c.s.cookie)).text();
    expect(withAnswers).toContain('This assessment has 1 submitted response');
    const wrong = await c.post(`/app/assessments/${c.assessmentId}/delete`, { csrf: c.s.csrf, confirm: 'ارزیابی' }, c.s.cookie);
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('چیزی حذف نشد');
    expect(await c.t.db.selectFrom('responses').selectAll().execute()).toHaveLength(1);
    const ok = await c.post(`/app/assessments/${c.assessmentId}/delete`, { csrf: c.s.csrf, confirm: ' ارزیابی ۱۴۰۵ ' }, c.s.cookie);
    expect(locationOf(ok)).toBe(`/app/organizations/${c.orgId}?done=assessmentDeleted`);
    expect(await c.t.db.selectFrom('assessments').selectAll().execute()).toEqual([]);
  });

  it('deletes an organization only with its name typed once answers exist', async () => {
    const c = await engagement();
    await responses(c, 1);
    expect((await c.post(`/app/organizations/${c.orgId}/delete`, { csrf: c.s.csrf }, c.s.cookie)).status).toBe(422);
    const ok = await c.post(`/app/organizations/${c.orgId}/delete`, { csrf: c.s.csrf, confirm: 'Pars Sample Co.' }, c.s.cookie);
    expect(locationOf(ok)).toBe('/app?done=orgDeleted');
    expect(await c.t.db.selectFrom('organizations').selectAll().execute()).toEqual([]);
  });
});

describe('dashboard: closing and reopening', () => {
  it('closes only after a confirmation page that says what closing does', async () => {
    const c = await engagement();
    const page = await (await c.get(`/app/assessments/${c.assessmentId}`, c.s.cookie)).text();
    expect(page).not.toMatch(/<form[^>]*action="\/app\/assessments\/[^"]+\/close"/); // one click cannot close
    expect(page).toContain(`href="/app/assessments/${c.assessmentId}/close"`);
    const confirm = await (await c.get(`/app/assessments/${c.assessmentId}/close`, c.s.cookie)).text();
    expect(confirm).toContain('پاسخ تازه‌ای پذیرفته نمی‌شود');
    expect(confirm).toMatch(/<form method="post" action="\/app\/assessments\/[^"]+\/close">/);
    expect(await c.t.db.selectFrom('assessments').select('closed_at').executeTakeFirstOrThrow()).toEqual({ closed_at: null });
    const closed = await c.post(`/app/assessments/${c.assessmentId}/close`, { csrf: c.s.csrf }, c.s.cookie);
    expect(locationOf(closed)).toBe(`/app/assessments/${c.assessmentId}?done=closed`);
    expect(await (await c.get(locationOf(closed), c.s.cookie)).text()).toContain('ارزیابی بسته شد');
  });

  it('reopens with a Jalali closing date, dropping the stored final scores', async () => {
    const c = await engagement();
    await responses(c, 2);
    await c.post(`/app/assessments/${c.assessmentId}/close`, { csrf: c.s.csrf }, c.s.cookie);
    expect(await c.t.db.selectFrom('final_scores').selectAll().execute()).toHaveLength(1);
    const past = await c.post(`/app/assessments/${c.assessmentId}/reopen`, { csrf: c.s.csrf, closesOnYear: '1405', closesOnMonth: '1', closesOnDay: '1' }, c.s.cookie);
    expect(past.status).toBe(422); // 1 Farvardin 1405 is 21 March 2026, before "now"
    const ok = await c.post(`/app/assessments/${c.assessmentId}/reopen`, { csrf: c.s.csrf, closesOnYear: '1405', closesOnMonth: '4', closesOnDay: '15' }, c.s.cookie);
    expect(locationOf(ok)).toBe(`/app/assessments/${c.assessmentId}?done=reopened`);
    expect(await c.t.db.selectFrom('assessments').select(['closed_at', 'closes_at']).executeTakeFirstOrThrow()).toEqual({ closed_at: null, closes_at: '2026-07-06T20:29:59.000Z' });
    expect(await c.t.db.selectFrom('final_scores').selectAll().execute()).toEqual([]);
  });
});

describe('dashboard: departments and progress', () => {
  it('keeps a department list, normalized and without duplicates, and removes from it', async () => {
    const c = await engagement();
    const base = `/app/organizations/${c.orgId}/departments`;
    expect(locationOf(await c.post(base, { csrf: c.s.csrf, name: 'فروش' }, c.s.cookie))).toBe(`${base}?done=deptAdded`);
    const dup = await c.post(base, { csrf: c.s.csrf, name: ' فروش' }, c.s.cookie);
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('این واحد در فهرست هست');
    await c.post(base, { csrf: c.s.csrf, name: 'پشتيباني' }, c.s.cookie);
    const page = await (await c.get(base, c.s.cookie)).text();
    expect([...page.matchAll(/data-department="([^"]+)"/g)].map((m) => m[1])).toEqual(['پشتیبانی', 'فروش']);
    const id = (await c.t.db.selectFrom('departments').select('id').where('name', '=', 'فروش').executeTakeFirstOrThrow()).id;
    expect(locationOf(await c.post(`${base}/${id}/delete`, { csrf: c.s.csrf }, c.s.cookie))).toBe(`${base}?done=deptRemoved`);
    expect((await c.t.db.selectFrom('departments').selectAll().execute()).map((d) => d.name)).toEqual(['پشتیبانی']);
  });

  it('shows progress per department as counts, small departments only together', async () => {
    const c = await engagement(); // k = 2
    await responses(c, 2, 'فروش');
    await c.t.invite(c.consultant, c.assessmentId, 'staff', 3, 'فروش');
    await responses(c, 1, 'مالی'); // one link: its status would be one person's
    await c.t.invite(c.consultant, c.assessmentId, 'staff', 2, 'انبار');
    const html = await (await c.get(`/app/assessments/${c.assessmentId}`, c.s.cookie)).text();
    const section = html.slice(html.indexOf('id="department-progress"'));
    const rows = [...section.matchAll(/<tr data-department="([^"]*)"><th scope="row">(.*?)<\/th><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td>/g)].map((m) => [m[1], m[3], m[5]]);
    // مالی (1 link) is below k; the next smallest, انبار (2), is hidden with it so the total isolates nobody.
    expect(rows).toEqual([
      ['فروش', '۵', '۲'],
      ['', '۳', '۱'],
    ]);
    expect(section).toContain('واحدهای کوچک (با هم)');
    expect(section).not.toContain('مالی');
  });
});

describe('dashboard: import, audit, benchmark, users', () => {
  it('imports paper responses from a CSV file, all or nothing, naming bad rows', async () => {
    const c = await engagement();
    const ids = c.v1.items.map((i) => i.id);
    const file = (rows: string[]) => {
      const form = new FormData();
      form.set('csrf', c.s.csrf);
      form.set('file', new File([`role,department,${ids.join(',')}\n${rows.join('\n')}\n`], 'paper.csv', { type: 'text/csv' }));
      return c.app.request(`/app/assessments/${c.assessmentId}/import`, { method: 'POST', body: form, headers: { cookie: c.s.cookie, origin: 'http://localhost' } });
    };
    const good = ['staff,فروش,' + ids.map(() => '۴').join(','), 'manager,,' + ids.map(() => '3').join(',')];
    const bad = await file([...good, 'staff,,' + ids.map(() => '9').join(',')]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="import-errors"');
    expect(await c.t.db.selectFrom('responses').selectAll().execute()).toEqual([]);
    const ok = await file(good);
    expect(locationOf(ok)).toBe(`/app/assessments/${c.assessmentId}?done=imported&n=2`);
    expect(await (await c.get(locationOf(ok), c.s.cookie)).text()).toContain('۲ پاسخ کاغذی وارد شد.');
    expect(await c.t.db.selectFrom('responses').selectAll().execute()).toHaveLength(2);
  });

  it("shows the organization's audit log, and the benchmark says why there is none", async () => {
    const c = await engagement();
    const audit = await (await c.get(`/app/organizations/${c.orgId}/audit?lang=en`, c.s.cookie)).text();
    expect([...audit.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['assessment.create', 'organization.create']);
    const b = await (await c.get(`/app/assessments/${c.assessmentId}/benchmark?lang=en`, c.s.cookie)).text();
    expect(b).toContain('No comparison possible: 0 other organizations qualify and at least 5 are needed.');
  });

  it('lets the admin create a manager and shows its token once; consultants get no users page', async () => {
    const c = await engagement();
    const admin = c.session(ADMIN_TOKEN);
    const res = await c.post('/app/users', { csrf: admin.csrf, role: 'manager', name: 'مدیر فروش', organizationId: c.orgId }, admin.cookie);
    expect(res.status).toBe(200);
    const token = /id="new-token" type="text" readonly="" value="([^"]+)"/.exec(await res.text())![1];
    const user = await c.t.db.selectFrom('users').selectAll().where('name', '=', 'مدیر فروش').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'manager', organization_id: c.orgId });
    expect((await c.t.call('GET', `/api/v1/organizations/${c.orgId}`, { token })).status).toBe(200);
    expect((await c.get('/app/users', c.s.cookie)).status).toBe(403);
    const manager = c.session((await createUser(c.t.db, { role: 'manager', name: 'm', organizationId: c.orgId }, new Date())).token);
    const page = await (await c.get(`/app/assessments/${c.assessmentId}`, manager.cookie)).text();
    expect(page).not.toContain('/delete"');
    expect((await c.get(`/app/assessments/${c.assessmentId}/close`, manager.cookie)).status).toBe(403);
  });
});

describe('dashboard: other tenants', () => {
  it('answers every new page and form of another consultant’s organization with 404', async () => {
    const c = await engagement();
    const other = c.session(await c.t.consultant('Other'));
    const a = `/app/assessments/${c.assessmentId}`;
    const o = `/app/organizations/${c.orgId}`;
    for (const url of [`${o}/edit`, `${o}/delete`, `${o}/departments`, `${o}/audit`, `${a}/edit`, `${a}/delete`, `${a}/close`, `${a}/links`, `${a}/import`, `${a}/benchmark`])
      expect((await c.get(url, other.cookie)).status, url).toBe(404);
    for (const url of [`${o}/edit`, `${o}/delete`, `${o}/departments`, `${a}/edit`, `${a}/delete`, `${a}/reopen`])
      expect((await c.post(url, { csrf: other.csrf, nameFa: 'x', title: 'x', name: 'x' }, other.cookie)).status, url).toBe(404);
    expect(await c.t.db.selectFrom('organizations').select('name_fa').executeTakeFirstOrThrow()).toEqual({ name_fa: 'شرکت نمونه پارس' });
  });
});
