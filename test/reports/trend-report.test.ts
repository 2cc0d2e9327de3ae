import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { toProblem } from '../../src/httpErrors.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import type { DimensionId, Questionnaire } from '../../src/questionnaire/schema.js';
import { trendReportRoutes } from '../../src/routes/trendReport.js';
import { buildTestApp, FIXTURES, type TestApp } from '../helpers.js';

// The whole path: assessments in the database → the comparison report route → PDF, read back with poppler.
// KEEP_TREND_PDF=<dir> keeps the PDFs of the realistic comparison (to look at: pdftoppm -png -r 80).

const VERSIONS = path.join(FIXTURES, 'questionnaires-versions');
const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const ORG = { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' };
const SLOW = 120_000;
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-trend-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function save(name: string, pdf: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  if (process.env.KEEP_TREND_PDF) {
    fs.mkdirSync(process.env.KEEP_TREND_PDF, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.KEEP_TREND_PDF, name));
  }
  return file;
}
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))![1]);
const text = (file: string) => tool('pdftotext', '-enc', 'UTF-8', file, '-').replace(MARKS, '');
/** Text with line breaks and runs of spaces made single spaces: sentences wrap across lines. */
const flat = (file: string) => text(file).replace(/\s+/g, ' ');
// The charts; the firm's logo (reports/assets/logo.png, 480 × 200, on the cover and every header) aside.
const images = (file: string) =>
  tool('pdfimages', '-list', file).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((r) => !(r[3] === '480' && r[4] === '200'));

function appWith(t: TestApp): OpenAPIHono {
  const app = new OpenAPIHono();
  app.onError((err, c) => toProblem(err, c, () => {}));
  app.route('/api/v1', trendReportRoutes(t.deps));
  app.route('/', t.app);
  return app;
}

async function get(app: OpenAPIHono, url: string, token: string) {
  const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * The demo organization's answers, moved up by `shift[dimension]`: each opinion is raised one scale point
 * with that probability (lowered for a reverse-coded item).
 */
function round(q: Questionnaire, count: number, seed: number, shift: Record<DimensionId, number>) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const role = i % 5 === 0 ? ('manager' as const) : ('staff' as const);
    const answers = demoAnswers(q, { role, department: '' }, random);
    for (const item of q.items) {
      const v = answers[item.id];
      if (v === null || v === undefined || random() >= shift[item.dimension]) continue;
      answers[item.id] = Math.min(item.scale.max, Math.max(item.scale.min, v + (item.reverse ? -1 : 1)));
    }
    return { role, department: ['فروش', 'خدمات پس از فروش', 'تولید'][i % 3], answers };
  });
}

describe('GET /api/v1/organizations/{orgId}/trend/report.pdf, three rounds of the real questionnaire', () => {
  const q = loadQuestionnaires(QUESTIONNAIRES).get('mehvar-core')!.definition;
  const ROUNDS = [
    { title: 'ارزیابی مشتری‌مداری پاییز ۱۴۰۳', at: '2024-10-20T08:00:00Z', count: 30, seed: 1403, shift: { culture: 0, process: 0, interaction: 0 } },
    { title: 'ارزیابی مشتری‌مداری بهار ۱۴۰۴', at: '2025-05-10T08:00:00Z', count: 26, seed: 1404, shift: { culture: 0.15, process: 0.45, interaction: 0.05 } },
    { title: 'ارزیابی مشتری‌مداری پاییز ۱۴۰۴', at: '2025-10-25T08:00:00Z', count: 34, seed: 1405, shift: { culture: 0.3, process: 0.8, interaction: 0.1 } },
  ];
  let fa: string;
  let en: string;
  let enTrend: any;

  beforeAll(async () => {
    let now = new Date(ROUNDS[0].at);
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, now: () => now });
    const token = await t.consultant();
    const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: ORG, sector: 'تولید لوازم خانگی', headcount: 60 } });
    for (const r of ROUNDS) {
      now = new Date(r.at);
      const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: r.title, questionnaireId: 'mehvar-core' } });
      await t.invite(token, a.data.id, 'staff', 40);
      const imported = await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: round(q, r.count, r.seed, r.shift) } });
      expect(imported.status).toBe(201);
      now = new Date(new Date(r.at).getTime() + 14 * 86_400_000);
      await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
    }
    const app = appWith(t);
    const url = `/api/v1/organizations/${org.data.id}/trend/report.pdf`;
    const [faRes, enRes] = [await get(app, `${url}?lang=fa`, token), await get(app, `${url}?lang=en`, token)];
    expect([faRes.status, enRes.status]).toEqual([200, 200]);
    expect(faRes.type).toBe('application/pdf');
    expect(faRes.disposition).toBe(`attachment; filename="mehvar-trend-${org.data.id}-fa.pdf"`);
    expect(faRes.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    fa = save('trend-fa.pdf', faRes.body);
    en = save('trend-en.pdf', enRes.body);
    enTrend = (await t.call('GET', `/api/v1/organizations/${org.data.id}/trend?lang=en`, { token })).data;
  }, SLOW);

  it('has a cover and numbered pages, and embeds Vazirmatn subset', () => {
    for (const file of [fa, en]) {
      const n = pages(file);
      expect(n).toBeGreaterThanOrEqual(6);
      const fonts = tool('pdffonts', file);
      expect(fonts).toMatch(/\+Vazirmatn-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      expect(fonts).toMatch(/\+Vazirmatn-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    }
    const m = pages(en);
    expect(text(en)).toContain(`Page 1 of ${m}`);
    expect(text(en)).toContain(`Page ${m} of ${m}`);
  });

  it('carries the overview and one chart per dimension as images at twice their size or more', () => {
    for (const file of [fa, en]) {
      const rows = images(file);
      expect(rows.length).toBe(4);
      for (const r of rows) expect(Number(r[12])).toBeGreaterThanOrEqual(144); // x-ppi: 2 × 72
    }
  });

  it('reads back the Persian names exactly as typed', () => {
    const text = flat(fa);
    for (const s of [ORG.fa, 'فرهنگ', 'فرایند', 'تعامل', 'روند امتیازها', 'جدول تغییرها', 'گذار سطح‌های بلوغ', 'این تغییر از نظر آماری معنادار است']) expect(text, s).toContain(s);
  });

  it('says in plain English how each dimension moved, and whether the change is real', () => {
    const text = flat(en);
    for (const s of [ORG.en, 'Scores over time', 'Table of changes', 'Maturity level transitions', 'Items that moved most', 'Appendix: how changes are tested']) expect(text, s).toContain(s);
    const process = enTrend.dimensions.find((d: any) => d.id === 'process');
    const change = process.changes.find((c: any) => c.from === enTrend.assessments[0].id && c.to === enTrend.assessments[2].id);
    // The data are built so that process improves clearly.
    expect(change.significant).toBe(true);
    const points = Math.abs(Math.round(change.delta * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
    expect(text).toMatch(new RegExp(`Process improved by ${points.replace('.', '\\.')} points; the change is statistically significant \\(p [=<] [\\d.]+, d = [\\d.]+\\)\\.`));
    expect(text).toMatch(/(Culture|Interaction) (improved|declined) by [\d.]+ points?; the change is within what chance could produce \(p = [\d.]+, d = -?[\d.]+\)\./);
  });
});

describe('GET /api/v1/organizations/{orgId}/trend/report.pdf, the small fixtures', () => {
  const ITEMS_V1 = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];
  const uniform = (v: number, ids = ITEMS_V1) => ({ role: 'staff', answers: Object.fromEntries(ids.map((id) => [id, id === 'org.bureaucracy' ? 6 - v : v])) });

  async function assessment(t: TestApp, token: string, orgId: string, version: number, values: number[], ids?: string[]) {
    const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: `round v${version}`, questionnaireId: 'tiny', questionnaireVersion: version, anonymityThreshold: 3 } });
    await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: values.map((v) => uniform(v, ids)) } });
    await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
    return a.data.id as string;
  }

  async function twoRounds() {
    let now = new Date('2026-01-01T00:00:00Z');
    const t = await buildTestApp({ questionnairesDir: VERSIONS, now: () => now });
    const token = await t.consultant();
    const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: ORG.fa } } });
    const a = await assessment(t, token, org.data.id, 1, [2, 3, 4]);
    now = new Date('2026-07-01T00:00:00Z');
    const b = await assessment(t, token, org.data.id, 1, [3, 4, 5]);
    return { t, app: appWith(t), token, orgId: org.data.id as string, a, b };
  }

  it('draws two rounds in Persian and English, and records the download', async () => {
    const { t, app, token, orgId, a, b } = await twoRounds();
    const res = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?assessments=${a},${b}`, token);
    expect(res.status).toBe(200);
    const file = save('tiny-fa.pdf', res.body);
    const text = flat(file);
    for (const s of [ORG.fa, 'فرهنگ', 'فرایند', 'تعامل', 'آمادگی کلی']) expect(text, s).toContain(s);
    expect(images(file).length).toBe(4);

    const en = flat(save('tiny-en.pdf', (await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?lang=en`, token)).body));
    // A: 25, 50, 75; B: 50, 75, 100 → +25, t 1.22, df 4, p 0.288, d 1 (see test/http/trend.test.ts).
    expect(en).toContain('Process improved by 25 points; the change is within what chance could produce (p = 0.288, d = 1.00).');
    expect(en).toContain('Overall readiness improved by 25 points;');

    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'report.trend.download').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ organization_id: orgId, target_type: 'organization', target_id: orgId });
    expect(JSON.parse(audit[0].details!)).toEqual({ lang: 'fa', assessments: [a, b] });
  }, SLOW);

  it('says so when different questionnaire versions are compared', async () => {
    const { t, app, token, orgId, a } = await twoRounds();
    const c = await assessment(t, token, orgId, 2, [5, 5, 4], ITEMS_V1.filter((i) => i !== 'cust.process').concat('cust.followup'));
    const res = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?lang=en&assessments=${a},${c}`, token);
    expect(res.status).toBe(200);
    expect(flat(save('versions-en.pdf', res.body))).toContain('These assessments used different questionnaire versions (1 and 2); they are compared on the 5 items every version shares, out of 7 items in all (compatibility 0.71).');
  }, SLOW);

  it('answers 404 for another organization\'s assessment and 422 for versions too different', async () => {
    const { t, app, token, orgId, a } = await twoRounds();
    const other = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'دیگری' } } });
    const foreign = await assessment(t, token, other.data.id, 1, [3]);
    const notHers = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?assessments=${a},${foreign}`, token);
    expect(notHers.status).toBe(404);
    expect(notHers.type).toContain('application/problem+json');
    const stranger = await t.consultant('Stranger');
    expect((await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf`, stranger)).status).toBe(404);

    const v3 = await assessment(t, token, orgId, 3, [3, 3], ['org.know', 'cust.service', 'new.a', 'new.b', 'new.c', 'new.d']);
    const refused = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?assessments=${a},${v3}`, token);
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(JSON.parse(refused.body.toString()).detail).toMatch(/share only 2 of 10 items/);
  }, SLOW);

  it('answers 400 for an unsupported language and 401 without a token', async () => {
    const { app, token, orgId } = await twoRounds();
    const res = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?lang=de`, token);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString()).errors[0].path).toBe('query.lang');
    expect((await app.request(`/api/v1/organizations/${orgId}/trend/report.pdf`)).status).toBe(401);
  }, SLOW);

  it('gives a short valid report for a single assessment', async () => {
    const { app, token, orgId, a } = await twoRounds();
    const res = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?assessments=${a}`, token);
    expect(res.status).toBe(200);
    const file = save('single-fa.pdf', res.body);
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(file)).toBe(2);
    expect(images(file)).toHaveLength(0);
    expect(flat(file)).toContain('هنوز چیزی برای مقایسه نیست');
    const en = await get(app, `/api/v1/organizations/${orgId}/trend/report.pdf?assessments=${a}&lang=en`, token);
    expect(flat(save('single-en.pdf', en.body))).toContain('Nothing to compare yet');
  }, SLOW);
});
