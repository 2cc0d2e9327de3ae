import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/repositories/users.js';
import { buildConsultantApp } from './helpers.js';

const count = async (t: Awaited<ReturnType<typeof buildConsultantApp>>['t'], table: 'organizations' | 'assessments' | 'invitations' | 'audit_events') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function withOrg() {
  const c = await buildConsultantApp();
  const s = c.session(c.consultant);
  const res = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'شرکت نمونه پارس', nameEn: 'Pars Sample Co.', sector: 'خدمات', headcount: '۴۰' }, s.cookie);
  const orgId = res.headers.get('location')!.split('?')[0].split('/').pop()!;
  return { ...c, s, orgId };
}

async function withAssessment() {
  const c = await withOrg();
  const res = await c.post(`/app/organizations/${c.orgId}/assessments`, { csrf: c.s.csrf, title: 'ارزیابی ۱۴۰۵', questionnaire: 'mehvar-core@1', anonymityThreshold: '5' }, c.s.cookie);
  return { ...c, assessmentId: res.headers.get('location')!.split('?')[0].split('/').pop()! };
}

describe('consultant dashboard: signing in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie scoped to /app and shows the organizations', async () => {
    const c = await buildConsultantApp();
    const res = await c.post('/app/login', { token: c.consultant });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mehvar_session=[A-Za-z0-9_-]{43};/); // a session of its own, not the token (test/web/sessions.test.ts)
    expect(cookie).not.toContain(c.consultant);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/app');
    expect(cookie).not.toContain('Secure'); // plain http here

    const page = await c.get('/app', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/^<!doctype html><html lang="fa" dir="rtl">/);
    expect(html).toContain('سازمان‌ها');
    expect(html).toContain('مشاور نمونه');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script>|<style|style="/);
  });

  it('marks the cookie Secure when the request is https', async () => {
    const c = await buildConsultantApp();
    const res = await c.app.request('https://mehvar.test/app/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mehvar.test' },
      body: new URLSearchParams({ token: c.consultant }).toString(),
    });
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers a bad token with an error page and sets nothing, then limits the attempts per address', async () => {
    const c = await buildConsultantApp({ env: { RATE_LIMIT_FAILURES_PER_IP: '2' } });
    for (const token of ['not-a-real-token-at-all-0000', 'short']) {
      const res = await c.post('/app/login', { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('این توکن معتبر نیست');
    }
    // Only failures are refused; a valid token still signs in (test/web/signInBudget.test.ts).
    const blocked = await c.post('/app/login?lang=en', { token: 'a-third-wrong-token-00000000' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    expect(await blocked.text()).toContain('Too many attempts');
  });

  it('sends a visitor without a valid session to the sign-in page, and back afterwards', async () => {
    const c = await buildConsultantApp();
    const res = await c.get('/app/organizations/x?lang=en');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/login?next=%2Fapp%2Forganizations%2Fx%3Flang%3Den&lang=en');
    const stale = await c.get('/app', 'mehvar_session=revoked-or-guessed-token-123');
    expect(stale.status).toBe(303);
    expect(stale.headers.get('set-cookie')).toMatch(/^mehvar_session=;.*Max-Age=0/);
    const back = await c.post('/app/login', { token: c.consultant, next: '/app/organizations/x?lang=en' });
    expect(back.headers.get('location')).toBe('/app/organizations/x?lang=en');
    const offsite = await c.post('/app/login', { token: c.consultant, next: '//evil.example/app' });
    expect(offsite.headers.get('location')).toBe('/app');
  });

  it('signs out by clearing the cookie', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const res = await c.post('/app/logout', { csrf: s.csrf }, s.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/login?out=1');
    expect(res.headers.get('set-cookie')).toMatch(/^mehvar_session=;.*Max-Age=0.*Path=\/app/);
  });
});

describe('consultant dashboard: forms', () => {
  it('refuses a post without the CSRF value, with a wrong one, or from another site, and changes nothing', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const fields = { nameFa: 'سازمان' };
    for (const res of [
      await c.post('/app/organizations', fields, s.cookie),
      await c.post('/app/organizations', { ...fields, csrf: c.session('some-other-token-0123456789').csrf }, s.cookie),
      await c.post('/app/organizations', { ...fields, csrf: s.csrf }, s.cookie, { origin: 'https://evil.example' }),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('درخواست پذیرفته نشد');
    }
    expect(await count(c.t, 'organizations')).toBe(0);
  });

  it('creates an organization, with the same audit entry as the API, and shows it in the list', async () => {
    const c = await withOrg();
    const org = await c.t.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ id: c.orgId, name_fa: 'شرکت نمونه پارس', name_en: 'Pars Sample Co.', sector: 'خدمات', headcount: 40 });
    const audit = await c.t.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'organization.create', target_id: c.orgId });
    const html = await (await c.get('/app?lang=en', c.s.cookie)).text();
    expect(html).toContain(`href="/app/organizations/${c.orgId}?lang=en"`);
    expect(html).toContain('Pars Sample Co.');
  });

  it('shows the form again with messages and the typed values when a field is wrong', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const res = await c.post('/app/organizations', { csrf: s.csrf, nameFa: '   ', nameEn: 'Keep me', headcount: 'many' }, s.cookie);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('نام فارسی سازمان را بنویسید');
    expect(html).toContain('تعداد کارکنان باید عددی صحیح');
    expect(html).toContain('value="Keep me"');
    expect(html).toContain('aria-invalid="true"');
    expect(await count(c.t, 'organizations')).toBe(0);
  });

  it('creates an assessment from the form (Persian digits accepted) and checks the closing date', async () => {
    const c = await withOrg();
    const past = await c.post(`/app/organizations/${c.orgId}/assessments`, { csrf: c.s.csrf, title: 'قدیمی', questionnaire: 'mehvar-core@1', closesOn: '2020-01-01' }, c.s.cookie);
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('تاریخ بسته شدن باید تاریخی معتبر در آینده باشد');

    const res = await c.post(
      `/app/organizations/${c.orgId}/assessments`,
      { csrf: c.s.csrf, title: 'ارزیابی ۱۴۰۵', questionnaire: 'mehvar-core@1', anonymityThreshold: '۷', targetCulture: '70', targetProcess: '', targetInteraction: '75.5', closesOn: '2099-03-20' },
      c.s.cookie,
    );
    expect(res.status).toBe(303);
    const a = await c.t.db.selectFrom('assessments').selectAll().executeTakeFirstOrThrow();
    expect(res.headers.get('location')).toBe(`/app/assessments/${a.id}?done=assessmentCreated`);
    expect(a).toMatchObject({ title: 'ارزیابی ۱۴۰۵', questionnaire_id: 'mehvar-core', anonymity_threshold: 7, target_culture: 70, target_process: null, target_interaction: 75.5 });
    expect(a.closes_at).toBe('2099-03-20T20:29:59.000Z'); // end of the day in Tehran
    const actions = await c.t.db.selectFrom('audit_events').select('action').execute();
    expect(actions.map((x) => x.action)).toEqual(['organization.create', 'assessment.create']);
  });

  it('escapes a <script> in an organization name everywhere it is shown', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const evil = '<script>alert(1)</script>';
    const res = await c.post('/app/organizations', { csrf: s.csrf, nameFa: evil, sector: '"><img src=x onerror=alert(1)>' }, s.cookie);
    const orgId = res.headers.get('location')!.split('?')[0].split('/').pop()!;
    for (const url of ['/app', `/app/organizations/${orgId}`]) {
      const html = await (await c.get(url, s.cookie)).text();
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain(evil);
      expect(html).not.toContain('<img src=x');
    }
  });
});

describe('consultant dashboard: links and tenants', () => {
  it('creates links with a department picked from the list, redirects (a reload repeats nothing), and issues them on the links page', async () => {
    const c = await withAssessment();
    const typo = await c.post(`/app/assessments/${c.assessmentId}/invitations`, { csrf: c.s.csrf, role: 'staff', department: 'فروش', count: '۳', format: 'html' }, c.s.cookie);
    expect(typo.status).toBe(422); // not on the organization's list yet
    expect(await typo.text()).toContain('یکی از واحدهای فهرست را انتخاب کنید');
    expect(await count(c.t, 'invitations')).toBe(0);
    expect((await c.post(`/app/organizations/${c.orgId}/departments`, { csrf: c.s.csrf, name: 'فروش' }, c.s.cookie)).status).toBe(303);
    const form = await (await c.get(`/app/assessments/${c.assessmentId}`, c.s.cookie)).text();
    expect(form).toMatch(/<select id="f-department" name="department"[^>]*><option value="" selected="">بدون واحد<\/option><option value="فروش">فروش<\/option>/);

    const res = await c.post(`/app/assessments/${c.assessmentId}/invitations`, { csrf: c.s.csrf, role: 'staff', department: 'فروش', count: '۳', format: 'html' }, c.s.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/app/assessments/${c.assessmentId}/links?done=linksCreated&n=3`);
    const list = await (await c.get(res.headers.get('location')!, c.s.cookie)).text();
    expect(list).toContain('۳ پیوند ساخته شد');
    expect(list).toContain('فقط به صورت اثر انگشت (hash)');
    expect(list.match(/<tr data-batch/g)).toHaveLength(1);
    expect(await count(c.t, 'invitations')).toBe(3); // reloading the links page created nothing

    const batch = { csrf: c.s.csrf, createdAt: /name="createdAt" value="([^"]+)"/.exec(list)![1], role: 'staff', department: 'فروش' };
    const shown = await c.post(`/app/assessments/${c.assessmentId}/links/reissue`, { ...batch, format: 'html' }, c.s.cookie);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    const urls = [...new Set([...html.matchAll(/http:\/\/mehvar\.test\/r\/[A-Za-z0-9_-]{43}/g)].map((m) => m[0]))];
    expect(urls).toHaveLength(3);
    const dataUrl = /href="data:text\/csv;charset=utf-8;base64,([^"]+)" download="(mehvar-links-[^"]+\.csv)"/.exec(html)!;
    const csv = Buffer.from(dataUrl[1], 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFurl,role,department\r\n')).toBe(true);
    expect(csv.trim().split('\r\n').slice(1).sort()).toEqual(urls.map((u) => `${u},staff,فروش`).sort());
    const token = urls[0].split('/').pop();
    expect((await c.app.request(`/r/${token}`)).status).toBe(200);

    // Downloading again later issues fresh links; the earlier ones stop working, as the page says.
    const again = await c.post(`/app/assessments/${c.assessmentId}/links/reissue`, { ...batch, format: 'csv' }, c.s.cookie);
    expect(again.headers.get('content-disposition')).toMatch(/^attachment; filename="mehvar-links-.+\.csv"$/);
    const fresh = (await again.text()).trim().split('\r\n').slice(1);
    expect(fresh).toHaveLength(3);
    expect(fresh.some((row) => urls.some((u) => row.startsWith(u)))).toBe(false);
    expect((await c.app.request(`/r/${token}`)).status).toBe(404);
    expect((await c.app.request(`/r/${fresh[0].split(',')[0].split('/').pop()}`)).status).toBe(200);
    expect(await count(c.t, 'invitations')).toBe(3);

    const direct = await c.post(`/app/assessments/${c.assessmentId}/invitations`, { csrf: c.s.csrf, role: 'manager', count: '2', format: 'csv' }, c.s.cookie);
    expect(direct.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(direct.headers.get('content-disposition')).toMatch(/^attachment; filename="mehvar-links-.+\.csv"$/);
    const bytes = Buffer.from(await direct.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (Response.text() would drop it)
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('url,role,department');
    expect(rows.slice(1).every((r) => /^http:\/\/mehvar\.test\/r\/\S{43},manager,$/.test(r))).toBe(true);
    expect(rows).toHaveLength(3);

    const audits = await c.t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitations.create').execute();
    expect(audits.map((a) => JSON.parse(a.details!).count)).toEqual([3, 2]);
    const reissued = await c.t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitations.reissue').execute();
    expect(reissued.map((a) => JSON.parse(a.details!).count)).toEqual([3, 3]);
    const page = await (await c.get(`/app/assessments/${c.assessmentId}`, c.s.cookie)).text();
    expect(page).toMatch(/data-count="invited">۵</);

    // Revoking a batch removes its links not yet submitted: they stop working and leave the count.
    const listed = await (await c.get(`/app/assessments/${c.assessmentId}/links`, c.s.cookie)).text();
    const managers = [...listed.matchAll(/name="createdAt" value="([^"]+)"/g)].map((m) => m[1]).at(-1)!;
    // The links page only links to a page that says what revoking does; that page's button posts it.
    const confirm = await (await c.get(`/app/assessments/${c.assessmentId}/links/revoke?createdAt=${encodeURIComponent(managers)}&role=manager&department=`, c.s.cookie)).text();
    expect(confirm).toContain('۲ پیوندِ این دسته که هنوز پاسخ ثبت نکرده‌اند باطل می‌شوند');
    expect(await count(c.t, 'invitations')).toBe(5);
    const revoked = await c.post(`/app/assessments/${c.assessmentId}/links/revoke`, { csrf: c.s.csrf, createdAt: managers, role: 'manager', department: '' }, c.s.cookie);
    expect(revoked.headers.get('location')).toBe(`/app/assessments/${c.assessmentId}/links?done=linksRevoked&n=2`);
    expect(await count(c.t, 'invitations')).toBe(3);
  });

  it('rejects a bad link request like the API does, and closes the assessment', async () => {
    const c = await withAssessment();
    const bad = await c.post(`/app/assessments/${c.assessmentId}/invitations`, { csrf: c.s.csrf, role: 'staff', count: '5001' }, c.s.cookie);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('تعداد باید عددی صحیح از ۱ تا ۵٬۰۰۰ باشد');
    const closed = await c.post(`/app/assessments/${c.assessmentId}/close`, { csrf: c.s.csrf }, c.s.cookie);
    expect(closed.status).toBe(303);
    const a = await c.t.db.selectFrom('assessments').select('closed_at').executeTakeFirstOrThrow();
    expect(a.closed_at).not.toBeNull();
    const after = await c.post(`/app/assessments/${c.assessmentId}/invitations`, { csrf: c.s.csrf, role: 'staff', count: '1' }, c.s.cookie);
    expect(after.status).toBe(409);
    expect(await count(c.t, 'invitations')).toBe(0);
    expect((await c.t.db.selectFrom('audit_events').select('action').where('action', '=', 'assessment.close').execute()).length).toBe(1);
  });

  it('shows another consultant a 404 page for every page and action of someone else’s organization', async () => {
    const c = await withAssessment();
    const other = c.session(await c.t.consultant('Other'));
    const gets = [`/app/organizations/${c.orgId}`, `/app/assessments/${c.assessmentId}`, `/app/assessments/${c.assessmentId}/results`, `/app/organizations/${c.orgId}/compare`, `/app/assessments/${c.assessmentId}/export/items.csv`, `/app/assessments/${c.assessmentId}/report.pdf`];
    for (const url of gets) {
      const res = await c.get(url, other.cookie);
      expect(res.status, url).toBe(404);
      expect(await res.text()).toContain('پیدا نشد');
    }
    const posts = [`/app/assessments/${c.assessmentId}/invitations`, `/app/assessments/${c.assessmentId}/close`, `/app/organizations/${c.orgId}/assessments`];
    for (const url of posts) expect((await c.post(url, { csrf: other.csrf, role: 'staff', count: '1', title: 'x', questionnaire: 'mehvar-core@1' }, other.cookie)).status, url).toBe(404);
    expect(await count(c.t, 'invitations')).toBe(0);
    expect(await count(c.t, 'assessments')).toBe(1);
    expect((await c.get(`/app/organizations/${c.orgId}`, c.s.cookie)).status).toBe(200);
  });

  it('gives a manager read-only pages: no forms, and a refused post', async () => {
    const c = await withAssessment();
    const { token } = await createUser(c.t.db, { role: 'manager', name: 'مدیر', organizationId: c.orgId }, new Date());
    const m = c.session(token);
    const orgs = await (await c.get('/app', m.cookie)).text();
    expect(orgs).toContain('شرکت نمونه پارس');
    expect(orgs).not.toContain('action="/app/organizations"');
    const page = await (await c.get(`/app/assessments/${c.assessmentId}`, m.cookie)).text();
    expect(page).not.toContain('/invitations"');
    expect(page).not.toContain('/close"');
    const res = await c.post(`/app/assessments/${c.assessmentId}/invitations`, { csrf: m.csrf, role: 'staff', count: '1' }, m.cookie);
    expect(res.status).toBe(403);
    expect(await count(c.t, 'invitations')).toBe(0);
  });
});
