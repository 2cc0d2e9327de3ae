import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../src/httpErrors.js';
import { ReportCache } from '../../src/reports/cache.js';
import { createReportService, type ReportServiceOptions } from '../../src/services/reports.js';
import { closeReportPool, reportQueueStats } from '../../src/reports/worker/pool.js';
import { RenderQueue } from '../../src/reports/worker/renderQueue.js';
import { reportRoutes } from '../../src/routes/report.js';
import { trendReportRoutes } from '../../src/routes/trendReport.js';
import { buildTestApp, type TestApp } from '../helpers.js';
import { buildConsultantApp } from '../web/helpers.js';

// Regression (issue 15, defect 3): 38 different reports requested at once got 25 × 503, each only after the
// 30 s request timeout, because every report waited in an unbounded queue. A report that cannot be made
// within the queue's bound is now refused at once, with Retry-After, by the API and by the dashboard.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const FAKE_PDF = Buffer.from('%PDF-1.7\n%fake\n');

afterAll(() => closeReportPool());

async function seed(assessments: number) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' } } });
  const ids: string[] = [];
  for (let i = 0; i < assessments; i++) {
    const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: `ارزیابی ${i + 1}`, questionnaireId: 'mehvar-core' } });
    ids.push(a.data.id);
  }
  return { t, token, orgId: org.data.id as string, ids };
}

function apiWith(t: TestApp, opts: ReportServiceOptions) {
  const app = new OpenAPIHono();
  app.onError((err, c) => toProblem(err, c, () => {}));
  app.route('/api/v1', reportRoutes(t.deps, { cache: new ReportCache(), ...opts }));
  return app;
}

describe('report overload', () => {
  it('refuses reports beyond the queue bound at once, with 503 problem+json and Retry-After, and draws only the admitted ones', async () => {
    const { t, token, ids } = await seed(19);
    // One thread, 100 ms a report, at most 1 s of expected wait: about ten reports are admitted.
    const queue = new RenderQueue({ concurrency: 1, maxWaitMs: 1_000, initialEstimateMs: 100 });
    let drawn = 0;
    const app = apiWith(t, {
      queue,
      render: async () => {
        drawn++;
        await sleep(100);
        return FAKE_PDF;
      },
    });
    const answered: number[] = [];
    const responses = await Promise.all(
      ids.flatMap((id) => ['fa', 'en'].map((lang) => `/api/v1/assessments/${id}/report.pdf?lang=${lang}`)).map(async (url) => {
        const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
        answered.push(res.status);
        return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), body: await res.text() };
      }),
    );
    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 503);
    expect(ok.length + refused.length).toBe(38);
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.type).toContain('application/problem+json');
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(r.body)).toMatchObject({ status: 503, detail: expect.stringMatching(/try again in \d+ s/i) });
    }
    // Refused at once: every refusal was answered before the first admitted report was done.
    expect(answered.slice(0, refused.length).every((s) => s === 503)).toBe(true);
    expect(drawn).toBe(ok.length);
    expect(queue.counts.refused).toBe(refused.length);
  });

  it('refuses a trend report at once when its queue is full', async () => {
    const { t, token, orgId } = await seed(1);
    const app = new OpenAPIHono();
    app.onError((err, c) => toProblem(err, c, () => {}));
    // Expected to take 2.5 s against a bound of 1 s: refused, come back in 2 s.
    app.route('/api/v1', trendReportRoutes(t.deps, { queue: new RenderQueue({ concurrency: 1, maxWaitMs: 1_000, initialEstimateMs: 2_500 }) }));
    const res = await app.request(`/api/v1/organizations/${orgId}/trend/report.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await auditActions(t)).not.toContain('report.trend.download');
  });

  it('shows the dashboard a page saying the reports are busy, with Retry-After, instead of a download', async () => {
    let render!: (assessmentId: string, signal?: AbortSignal) => Promise<Buffer>;
    const c = await buildConsultantApp({ renderReport: (user, assessment, lang, signal) => render(assessment.id, signal) });
    const service = createReportService(c.t.deps, { queue: new RenderQueue({ concurrency: 1, maxWaitMs: 1_000, initialEstimateMs: 2_500 }), render: async () => FAKE_PDF });
    render = async (id, signal) => service.assessmentReport((await c.t.db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()), 'fa', undefined, signal);
    const s = c.session(c.consultant);
    const org = await c.t.call('POST', '/api/v1/organizations', { token: c.consultant, json: { name: { fa: 'شرکت نمونه پارس' } } });
    const a = await c.t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token: c.consultant, json: { title: 'ارزیابی', questionnaireId: 'mehvar-core' } });
    const res = await c.get(`/app/assessments/${a.data.id}/report.pdf?lang=fa`, s.cookie);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(res.headers.get('retry-after')).toBe('2');
    const html = await res.text();
    expect(html).toContain('سرور سرگرم ساختن گزارش‌های دیگر است');
    expect(html).toContain('۲ ثانیه');
    expect(await auditActions(c.t)).not.toContain('report.download');
  });

  it('keeps /healthz answering while reports wait in the queue', async () => {
    const { t, token, ids } = await seed(3);
    for (const id of ids) {
      const rows = Array.from({ length: 20 }, (_, i) => ({ role: i % 4 ? 'staff' : 'manager', answers: { 'info.know-customers': (i % 5) + 1, 'info.collected-information': ((i + 1) % 5) + 1 } }));
      await t.call('POST', `/api/v1/assessments/${id}/responses/import`, { token, json: { responses: rows } });
    }
    // The real service: the process's queue in front of the real report threads.
    const reports = ids.flatMap((id) => ['fa', 'en'].map((lang) => t.call('GET', `/api/v1/assessments/${id}/report.pdf?lang=${lang}`, { token })));
    while (reportQueueStats().queued === 0) await sleep(5);
    const health = await t.call('GET', '/healthz');
    const busy = reportQueueStats();
    expect(health.status).toBe(200);
    expect(busy.queued + busy.running).toBeGreaterThan(0);
    const statuses = (await Promise.all(reports)).map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  }, 120_000);
});

async function auditActions(t: TestApp): Promise<string[]> {
  return (await t.db.selectFrom('audit_events').select('action').execute()).map((r) => r.action);
}
