import { describe, expect, it } from 'vitest';
import { api, seedAssessment, seedOrganization } from './appSeed.js';
import { buildConsultantApp } from './helpers.js';

/** Two closed rounds of the demo organization, half a year apart, the second one better. */
async function twoRounds(opts: Parameters<typeof buildConsultantApp>[0] = {}) {
  let now = new Date('2025-10-20T08:00:00Z');
  const c = await buildConsultantApp({ ...opts, now: () => now });
  const orgId = await seedOrganization(c.app, c.consultant);
  const first = await seedAssessment(c.app, c.consultant, orgId, c.q, { title: 'ارزیابی پاییز ۱۴۰۴', seed: 1404, close: true });
  now = new Date('2026-04-20T08:00:00Z');
  const second = await seedAssessment(c.app, c.consultant, orgId, c.q, { title: 'ارزیابی بهار ۱۴۰۵', seed: 1405, lift: 0.5, close: true });
  return { ...c, s: c.session(c.consultant), orgId, first, second };
}

/** The <tr> of a breakdown table whose row header is this group. */
function groupRow(html: string, kind: 'role' | 'department', group: string): string {
  const table = new RegExp(`<table class="groups" data-breakdown="${kind}">([\\s\\S]*?)</table>`).exec(html)![1];
  return [...table.matchAll(/<tr[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((tr) => tr.includes(`<bdi>${group}</bdi>`))!;
}

describe('consultant dashboard: results', () => {
  it('shows the figures in Persian digits, and suppressed groups without any number', async () => {
    const c = await twoRounds();
    const res = await c.get(`/app/assessments/${c.second.id}/results`, c.s.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('۲۴ پاسخ از ۳۴ دعوت‌شده');
    expect(html).toContain('آمادگی کلی مشتری‌مداری');
    for (const d of ['culture', 'process', 'interaction']) expect(html).toContain(`data-dimension="${d}"`);
    expect(html).toMatch(/آلفای کرونباخ<\/dt><dd>[۰-۹]٫[۰-۹]{2}<small>/);
    // «مالی» has 3 responses and «تولید» is the next smallest group: both suppressed, with no figures at all.
    for (const group of ['مالی', 'تولید']) {
      const row = groupRow(html, 'department', group);
      expect(row).toContain('data-suppressed="true"');
      expect(row).toContain('پاسخ ناکافی');
      expect(row.replace(/<[^>]+>/g, '')).not.toMatch(/[0-9۰-۹]/);
    }
    expect(groupRow(html, 'department', 'فروش')).toMatch(/<td class="num">۷<\/td>/);
    // The chart of departments leaves the suppressed groups out.
    const charts = JSON.parse(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(charts.charts.departments.data.labels.flat()).not.toContain('مالی');
    expect(Object.keys(charts.charts)).toEqual(['radar', 'scores', 'roles', 'departments']);
    expect(charts.charts.radar.data.datasets[0].backgroundColor).toBe('rgba(47, 93, 138, 0.22)'); // the PDF's primary
    expect(html).toContain('<script src="/app/assets/chart.js?v=');
    expect(html).toContain('data-recommendation="rec.');
    // Sources by title, never by file name (issue 16).
    expect(html).toContain('منبع: متن ۳: اصول و ساختار مشتری‌مداری');
    expect(html).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });

  it('speaks English with ?lang=en, keeping "insufficient responses" free of numbers', async () => {
    const c = await twoRounds();
    const html = await (await c.get(`/app/assessments/${c.second.id}/results?lang=en`, c.s.cookie)).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('24 responses from 34 invited');
    const row = groupRow(html, 'department', 'مالی');
    expect(row).toContain('insufficient responses');
    expect(row.replace(/<[^>]+>/g, '')).not.toMatch(/[0-9۰-۹]/);
    expect(html).toContain('Perception gap between managers and staff');
  });

  it('says so when there are no responses yet, and draws no charts', async () => {
    const c = await buildConsultantApp();
    const orgId = await seedOrganization(c.app, c.consultant);
    const a = await api(c.app, c.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'خالی', questionnaireId: 'mehvar-core' });
    const html = await (await c.get(`/app/assessments/${a.id}/results`, c.session(c.consultant).cookie)).text();
    expect(html).toContain('هنوز پاسخی ثبت نشده است');
    expect(html).not.toContain('chart-data');
  });

  it('downloads the PDF through renderReport, with an audit entry, and answers 503 without one', async () => {
    const calls: string[] = [];
    const c = await twoRounds({
      renderReport: async (user, assessment, lang) => {
        calls.push(`${user.name}:${assessment.id}:${lang}`);
        return Buffer.from('%PDF-1.4\n%%EOF\n');
      },
    });
    const res = await c.get(`/app/assessments/${c.second.id}/report.pdf?lang=en`, c.s.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="mehvar-report-${c.second.id}-en.pdf"`);
    expect((await res.text()).startsWith('%PDF-')).toBe(true);
    expect(calls).toEqual([`مشاور نمونه:${c.second.id}:en`]);
    const audit = await c.t.db.selectFrom('audit_events').selectAll().where('action', '=', 'report.download').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toEqual({ lang: 'en' });

    const without = await buildConsultantApp();
    const orgId = await seedOrganization(without.app, without.consultant);
    const a = await api(without.app, without.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'x', questionnaireId: 'mehvar-core' });
    const none = await without.get(`/app/assessments/${a.id}/report.pdf`, without.session(without.consultant).cookie);
    expect(none.status).toBe(503);
    expect(await none.text()).toContain('گزارش PDF در دسترس نیست');
  });

  it('exports the same CSV files as the API, with their audit entries', async () => {
    const c = await twoRounds();
    const page = await c.get(`/app/assessments/${c.second.id}/export/responses.csv`, c.s.cookie);
    const viaApi = await c.t.call('GET', `/api/v1/assessments/${c.second.id}/export/responses.csv`, { token: c.consultant });
    expect(page.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await page.text()).toBe(viaApi.data);
    const items = await c.get(`/app/assessments/${c.second.id}/export/items.csv`, c.s.cookie);
    expect((await items.text()).split('\r\n')).toHaveLength(c.q.items.length + 2);
    const actions = (await c.t.db.selectFrom('audit_events').select('action').where('action', 'like', 'export.%').execute()).map((x) => x.action);
    expect(actions).toEqual(['export.responses', 'export.responses', 'export.items']);
  });
});

describe('consultant dashboard: comparison over time', () => {
  it('compares the closed rounds: plain sentences, a chart per dimension, changes with significance', async () => {
    const c = await twoRounds();
    const res = await c.get(`/app/organizations/${c.orgId}/compare`, c.s.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<li data-series="process">فرایند [۰-۹]+٫[۰-۹] امتیاز بهبود یافت؛ این تغییر از نظر آماری معنادار است\.<\/li>/);
    for (const d of ['culture', 'process', 'interaction']) expect(html).toContain(`data-chart="trend-${d}"`);
    expect(html).toContain('معنادار ✱');
    expect(html).toMatch(/\((بزرگ|متوسط|کوچک|ناچیز)\)/);
    expect(html).toContain('جابه‌جایی سطح بلوغ');
    const charts = JSON.parse(/id="chart-data">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(charts.charts['trend-process'].data.datasets.map((d: any) => d.fill)).toEqual([false, '-1', false]);

    const en = await (await c.get(`/app/organizations/${c.orgId}/compare?assessments=${c.first.id}&assessments=${c.second.id}&lang=en`, c.s.cookie)).text();
    expect(en).toMatch(/Process improved by \d+\.\d points; the change is statistically significant\./);
  });

  it('escapes assessment titles inside the chart data', async () => {
    const c = await twoRounds();
    await c.t.db.updateTable('assessments').set({ title: '</script><script>alert(1)</script>' }).where('id', '=', c.first.id).execute();
    const html = await (await c.get(`/app/organizations/${c.orgId}/compare`, c.s.cookie)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    const charts = JSON.parse(/id="chart-data">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(charts.charts['trend-culture'].data.labels.flat().join(' ')).toContain('</script><script>alert(1)</script>');
  });

  it('turns incompatible questionnaire versions into a clear page, and an unknown assessment into a 404', async () => {
    const c = await twoRounds();
    expect((await c.get(`/app/organizations/${c.orgId}/compare?assessments=${c.first.id},not-an-id`, c.s.cookie)).status).toBe(404);
    // A later version that shares no item with the one used, as if the questionnaire had been rewritten.
    const registry = c.t.deps.questionnaires;
    const real = registry.get.bind(registry);
    const used = real('mehvar-core', c.q.version)!;
    const rewritten = { ...used, definition: { ...used.definition, version: 99, items: used.definition.items.map((i) => ({ ...i, id: `new.${i.id}` })) } };
    registry.get = (id, version) => (version === 99 ? rewritten : real(id, version));
    await c.t.db.updateTable('assessments').set({ questionnaire_version: 99 }).where('id', '=', c.second.id).execute();
    const res = await c.get(`/app/organizations/${c.orgId}/compare?lang=en`, c.s.cookie);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('These assessments cannot be compared');
  });
});

describe('consultant dashboard: assets', () => {
  it('serves its stylesheet, script, Chart.js and fonts from this server, cacheable', async () => {
    const c = await buildConsultantApp();
    const chart = await c.get('/app/assets/chart.js');
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(chart.headers.get('cache-control')).toBe('public, max-age=86400');
    const text = await chart.text();
    expect(text).toContain('Chart');
    expect(text).not.toContain('sourceMappingURL');
    for (const url of ['/app/assets/app.css', '/app/assets/app.js', '/app/assets/fonts/Vazirmatn-Regular.woff2']) expect((await c.get(url)).status, url).toBe(200);
    expect((await c.get('/app/assets/fonts/nope.woff2')).status).toBe(404);
  });
});

describe('consultant dashboard: results under the anonymity rules', () => {
  async function withSubmissions(n: number) {
    const c = await buildConsultantApp();
    const orgId = await seedOrganization(c.app, c.consultant);
    const a = await api(c.app, c.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'دور آزمایشی', questionnaireId: c.q.id });
    const answers = (seed: number) => Object.fromEntries(c.q.items.map((item, i) => [item.id, 1 + ((seed * 7 + i * i + i) % 5)]));
    const responses = Array.from({ length: n }, (_, s) => ({ role: 'staff', answers: answers(s) }));
    await api(c.app, c.consultant, 'POST', `/assessments/${a.id}/responses/import`, { responses });
    return { c, id: a.id as string, s: c.session(c.consultant) };
  }

  it('shows counts only below k, says why, and offers no export', async () => {
    const { c, id, s } = await withSubmissions(3);
    const html = await (await c.get(`/app/assessments/${id}/results`, s.cookie)).text();
    expect(html).toContain('تاکنون ۳ پاسخ ثبت شده که از آستانه‌ی ناشناس‌ماندن (۵ پاسخ) کمتر است');
    expect(html).toContain('اعداد پس از ثبت ۲ پاسخ دیگر به‌روز می‌شوند.');
    expect(html).not.toContain('آمادگی کلی مشتری‌مداری');
    expect(html).not.toContain('export/responses.csv');
    expect(html).not.toContain('id="chart-data"');
  });

  it('says at how many responses the figures stand and how many more the next update needs', async () => {
    const { c, id, s } = await withSubmissions(6);
    const html = await (await c.get(`/app/assessments/${id}/results?lang=en`, s.cookie)).text();
    expect(html).toContain('The figures stand at 6 responses. The figures update once 5 more responses have been submitted.');
  });
});

describe('consultant dashboard: closing under the anonymity rules', () => {
  it('warns before closing that responses after the last update would stay out of the final figures', async () => {
    const c = await buildConsultantApp();
    const orgId = await seedOrganization(c.app, c.consultant);
    const a = await api(c.app, c.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'دور آزمایشی', questionnaireId: c.q.id });
    const answers = (seed: number) => Object.fromEntries(c.q.items.map((item, i) => [item.id, 1 + ((seed * 7 + i * i + i) % 5)]));
    const add = (from: number, n: number) =>
      api(c.app, c.consultant, 'POST', `/assessments/${a.id}/responses/import`, { responses: Array.from({ length: n }, (_, s) => ({ role: 'staff', answers: answers(from + s) })) });
    await add(0, 5);
    await api(c.app, c.consultant, 'GET', `/assessments/${a.id}/results`);
    const s = c.session(c.consultant);
    expect(await (await c.get(`/app/assessments/${a.id}`, s.cookie)).text()).not.toContain('close-leaves-out');
    await add(10, 2);
    const html = await (await c.get(`/app/assessments/${a.id}?lang=en`, s.cookie)).text();
    expect(html).toContain('2 responses have arrived since the figures were last updated. Closing now leaves them out of the final figures');
    expect(html).toContain('3 more responses would bring them all in.');
  });
});

describe('consultant dashboard: comments', () => {
  it('lists comments by section with their themes, and none below k', async () => {
    const c = await buildConsultantApp();
    const orgId = await seedOrganization(c.app, c.consultant);
    const a = await api(c.app, c.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'دور آزمایشی', questionnaireId: c.q.id });
    const section = c.q.sections[0].id;
    const texts = ['پاسخ‌گویی به تماس‌ها کند است.', 'پاسخگویی تلفنی ضعیف است.', 'زمان انتظار برای پاسخ‌گویی طولانی است.', 'آموزش برای پاسخ‌گویی کم است.', 'کیفیت خوب است.'];
    const s = c.session(c.consultant);
    for (const [i, text] of texts.entries()) {
      const { invitations } = await api(c.app, c.consultant, 'POST', `/assessments/${a.id}/invitations`, { invitations: [{ role: 'staff', count: 1 }] });
      const answers = Object.fromEntries(c.q.items.map((item, k) => [item.id, 1 + ((i * 7 + k * k + k) % 5)]));
      await api(c.app, c.consultant, 'POST', `/respond/${invitations[0].token}/submit`, { answers, comments: { [section]: text } });
      if (i === 3) {
        const few = await (await c.get(`/app/assessments/${a.id}/comments`, s.cookie)).text();
        expect(few).toContain('id="comments-withheld"');
        expect(few).not.toContain('پاسخ‌گویی به تماس‌ها');
      }
    }
    const html = await (await c.get(`/app/assessments/${a.id}/comments`, s.cookie)).text();
    expect(html).toContain('<p dir="auto">پاسخ‌گویی به تماس‌ها کند است.</p>');
    expect(html).toMatch(/<bdi>پاسخ‌گویی<\/bdi> <small>\(۴\)<\/small>/);
    expect(html).toContain('export/comments.csv?lang=fa');
    expect(await (await c.get(`/app/assessments/${a.id}/results`, s.cookie)).text()).toContain(`/app/assessments/${a.id}/comments?lang=fa`);
  });
});
