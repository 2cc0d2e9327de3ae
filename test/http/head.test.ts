import { describe, expect, it, vi } from 'vitest';
import { buildTestApp, signInCookie, type TestApp } from '../helpers.js';

// Regression (issue 15, defect 8): Hono answers HEAD by running the GET handler and dropping the body, so a
// HEAD on a report drew the PDF and wrote a "downloaded" entry to the audit log, and a HEAD on an export
// computed it and logged an export nobody received. HEAD must answer with headers only.

const renders = vi.hoisted(() => ({ assessment: 0, trend: 0 }));
const FAKE_PDF = Buffer.from('%PDF-1.7\n%fake\n');

vi.mock('../../src/reports/worker/pool.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/reports/worker/pool.js')>()),
  renderJobInWorker: async () => {
    renders.assessment++;
    return FAKE_PDF;
  },
}));
vi.mock('../../src/reports/trend/render.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/reports/trend/render.js')>()),
  renderTrendReportPdf: async () => {
    renders.trend++;
    return FAKE_PDF;
  },
}));

async function auditCount(t: TestApp) {
  const row = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function head(t: TestApp, url: string, headers: Record<string, string>) {
  const res = await t.app.request(url, { method: 'HEAD', headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

async function seeded() {
  const t = await buildTestApp();
  const { token, orgId, assessmentId } = await t.setup({ anonymityThreshold: 2 });
  await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, {
    token,
    json: { responses: [1, 2, 3].map((v) => ({ role: 'staff', answers: { 'org.know': v, 'org.values': v, 'cust.service': v } })) },
  });
  renders.assessment = 0;
  renders.trend = 0;
  return { t, token, orgId, assessmentId, bearer: { authorization: `Bearer ${token}` }, cookie: { cookie: await signInCookie(t, token) } };
}

describe('HEAD on routes whose GET has side effects', () => {
  it('answers HEAD on the assessment report with headers only: no render, no audit entry', async () => {
    const s = await seeded();
    const before = await auditCount(s.t);
    const res = await head(s.t, `/api/v1/assessments/${s.assessmentId}/report.pdf?lang=en`, s.bearer);
    expect(res).toEqual({ status: 200, type: 'application/pdf', body: '' });
    expect(renders.assessment).toBe(0);
    expect(await auditCount(s.t)).toBe(before);
    // The same access check as GET: another consultant learns nothing.
    const other = await s.t.consultant('Other');
    expect((await head(s.t, `/api/v1/assessments/${s.assessmentId}/report.pdf`, { authorization: `Bearer ${other}` })).status).toBe(404);
    expect((await head(s.t, `/api/v1/assessments/${s.assessmentId}/report.pdf`, {})).status).toBe(401);
    // GET still renders and audits (the spy counts it), so the assertions above mean something.
    const get = await s.t.call('GET', `/api/v1/assessments/${s.assessmentId}/report.pdf?lang=en`, { token: s.token });
    expect(get.status).toBe(200);
    expect(renders.assessment).toBe(1);
    expect(await auditCount(s.t)).toBe(before + 1);
  });

  it('answers HEAD on the trend report with headers only: no render, no audit entry', async () => {
    const s = await seeded();
    const before = await auditCount(s.t);
    const res = await head(s.t, `/api/v1/organizations/${s.orgId}/trend/report.pdf?lang=fa`, s.bearer);
    expect(res).toEqual({ status: 200, type: 'application/pdf', body: '' });
    expect(renders.trend).toBe(0);
    expect(await auditCount(s.t)).toBe(before);
    const get = await s.t.call('GET', `/api/v1/organizations/${s.orgId}/trend/report.pdf?lang=fa`, { token: s.token });
    expect(get.status).toBe(200);
    expect(renders.trend).toBe(1);
    expect(await auditCount(s.t)).toBe(before + 1);
  });

  it('answers HEAD on the CSV exports with headers only and no audit entry', async () => {
    const s = await seeded();
    const before = await auditCount(s.t);
    for (const file of ['responses.csv', 'items.csv', 'comments.csv']) {
      const res = await head(s.t, `/api/v1/assessments/${s.assessmentId}/export/${file}`, s.bearer);
      expect(res, file).toEqual({ status: 200, type: 'text/csv; charset=utf-8', body: '' });
    }
    expect(await auditCount(s.t)).toBe(before);
    const other = await s.t.consultant('Other');
    expect((await head(s.t, `/api/v1/assessments/${s.assessmentId}/export/items.csv`, { authorization: `Bearer ${other}` })).status).toBe(404);
    expect((await s.t.call('GET', `/api/v1/assessments/${s.assessmentId}/export/items.csv`, { token: s.token })).status).toBe(200);
    expect(await auditCount(s.t)).toBe(before + 1);
  });

  it('answers HEAD on the API workbook export with the workbook’s type, as GET does, and no audit entry', async () => {
    const s = await seeded();
    const before = await auditCount(s.t);
    const url = `/api/v1/assessments/${s.assessmentId}/export/results.xlsx`;
    const res = await head(s.t, url, s.bearer);
    const get = await s.t.app.request(url, { headers: s.bearer });
    expect(get.status).toBe(200);
    expect(res).toEqual({ status: 200, type: get.headers.get('content-type'), body: '' });
    expect(res.type).toContain('spreadsheetml');
    expect(await auditCount(s.t)).toBe(before + 1);
  });

  it('answers HEAD on the dashboard’s comparison report link with headers only: no render, no audit entry', async () => {
    const s = await seeded();
    const before = await auditCount(s.t);
    const url = `/app/organizations/${s.orgId}/trend/report.pdf?lang=fa`;
    expect(await head(s.t, url, s.cookie)).toEqual({ status: 200, type: 'application/pdf', body: '' });
    expect(renders.trend).toBe(0);
    expect(await auditCount(s.t)).toBe(before);
    const other = await s.t.consultant('Other');
    expect((await head(s.t, url, { cookie: await signInCookie(s.t, other) })).status).toBe(404);
    const get = await s.t.app.request(url, { headers: s.cookie });
    expect(get.status).toBe(200);
    expect(renders.trend).toBe(1);
    expect(await auditCount(s.t)).toBe(before + 1);
  });

  it('answers HEAD on the dashboard’s PDF and CSV links with headers only: no render, no audit entry', async () => {
    const s = await seeded();
    const before = await auditCount(s.t);
    const pdf = await head(s.t, `/app/assessments/${s.assessmentId}/report.pdf?lang=fa`, s.cookie);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', body: '' });
    for (const file of ['responses.csv', 'items.csv', 'comments.csv']) {
      const res = await head(s.t, `/app/assessments/${s.assessmentId}/export/${file}`, s.cookie);
      expect(res, file).toEqual({ status: 200, type: 'text/csv; charset=utf-8', body: '' });
    }
    expect(renders.assessment).toBe(0);
    expect(await auditCount(s.t)).toBe(before);
    const get = await s.t.app.request(`/app/assessments/${s.assessmentId}/report.pdf?lang=fa`, { headers: s.cookie });
    expect(get.status).toBe(200);
    expect(renders.assessment).toBe(1);
    expect(await auditCount(s.t)).toBe(before + 1);
  });
});
