import { describe, expect, it } from 'vitest';
import { reportPoolSize, reportQueue } from '../../src/reports/worker/pool.js';
import { buildConsultantApp } from './helpers.js';

// Issue 21: while a report is prepared, app.js shows the report queue from GET /app/reports/queue, and the
// report links carry the texts it shows (the browser side is in reportProgress.e2e.test.ts).

async function withAssessment() {
  const c = await buildConsultantApp();
  const s = c.session(c.consultant);
  const org = await c.post('/app/organizations', { csrf: s.csrf, nameFa: 'شرکت نمونه پارس', nameEn: 'Pars Sample Co.', sector: 'خدمات', headcount: '۴۰' }, s.cookie);
  const orgId = org.headers.get('location')!.split('?')[0].split('/').pop()!;
  const res = await c.post(`/app/organizations/${orgId}/assessments`, { csrf: s.csrf, title: 'ارزیابی ۱۴۰۵', questionnaire: 'mehvar-core@1', anonymityThreshold: '5' }, s.cookie);
  return { ...c, s, orgId, assessmentId: res.headers.get('location')!.split('?')[0].split('/').pop()! };
}

describe('dashboard report queue', () => {
  it('tells a signed-in user how many reports wait and how many are being drawn', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const idle = await c.get('/app/reports/queue', s.cookie);
    expect(idle.status).toBe(200);
    expect(idle.headers.get('content-type')).toMatch(/^application\/json/);
    expect(idle.headers.get('cache-control')).toBe('no-store');
    expect(await idle.json()).toEqual({ queued: 0, running: 0 });

    // Three reports held on the process's queue: as many run as there are report threads, the rest wait.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = [1, 2, 3].map(() => reportQueue().run(() => gate));
    const running = Math.min(3, reportPoolSize());
    expect(await (await c.get('/app/reports/queue', s.cookie)).json()).toEqual({ queued: 3 - running, running });
    release();
    await Promise.all(held);
    expect(await (await c.get('/app/reports/queue', s.cookie)).json()).toEqual({ queued: 0, running: 0 });
  });

  it('sends a visitor without a session to the sign-in page, like every other /app page', async () => {
    const c = await buildConsultantApp();
    const res = await c.get('/app/reports/queue');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/login?next=%2Fapp%2Freports%2Fqueue');
    expect((await c.get('/app/reports/queue', 'mehvar_session=' + 'x'.repeat(43))).status).toBe(303);
  });

  it('marks the report links for app.js and gives it the status texts in the page’s language', async () => {
    const c = await withAssessment();
    const fa = await (await c.get(`/app/assessments/${c.assessmentId}`, c.s.cookie)).text();
    for (const file of ['report.pdf?lang=fa', 'report.pdf?lang=en', 'report.docx?lang=fa', 'report.docx?lang=en', 'export/results.xlsx?lang=fa', 'export/results.xlsx?lang=en'])
      expect(fa, file).toContain(`data-download="true" href="/app/assessments/${c.assessmentId}/${file}"`);
    expect(fa).not.toMatch(/data-download="true" href="[^"]*\.csv"/);
    expect(fa).toContain('data-locale="fa-IR"');
    expect(fa).toContain('data-preparing="در حال آماده‌سازی…"');
    expect(fa).toContain('data-queue="در صف گزارش‌ها: {queued} در انتظار، {running} در حال ساخت"');
    expect(fa).toContain('data-retry="لطفاً {s} ثانیه‌ی دیگر دوباره تلاش کنید."');

    const en = await (await c.get(`/app/assessments/${c.assessmentId}?lang=en`, c.s.cookie)).text();
    expect(en).toContain('data-locale="en-US"');
    expect(en).toContain('data-preparing="Preparing…"');
    expect(en).toContain('data-ready="Ready; the file has been downloaded."');

    const results = await (await c.get(`/app/assessments/${c.assessmentId}/results?lang=en`, c.s.cookie)).text();
    expect(results).toContain(`data-download="true" href="/app/assessments/${c.assessmentId}/report.pdf?lang=en"`);
    expect(results).toContain('data-elapsed="{s} s"');
  });
});
