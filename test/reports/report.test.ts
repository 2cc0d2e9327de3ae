import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { toProblem } from '../../src/httpErrors.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { ReportCache } from '../../src/reports/cache.js';
import { type AssessmentReportJob, buildReportModel, reportInput, reportModelOf } from '../../src/reports/model/index.js';
import { loadReportData, loadReportSource } from '../../src/services/reports.js';
import { renderReportPdf } from '../../src/reports/pdf/renderReport.js';
import { closeReportPool, renderJobInWorker } from '../../src/reports/worker/pool.js';
import { reportRoutes, type ReportRouteOptions } from '../../src/routes/report.js';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../helpers.js';

// The whole path: data in the database → the report route → worker → PDF, read back with poppler.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const q = loadQuestionnaires(QUESTIONNAIRES).get('mehvar-core')!.definition;
const NOW = new Date('2025-11-20T10:00:00Z');
const ORG = { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' };
// حسابداری has 3 responses, under the threshold of 5; complementary suppression also withholds تولید.
const SMALL_DEPARTMENT = 'حسابداری';
const PEOPLE: [role: 'manager' | 'staff', department: string | undefined, count: number][] = [
  ['manager', undefined, 6],
  ['staff', 'فروش', 9],
  ['staff', 'خدمات پس از فروش', 7],
  ['staff', 'تولید', 5],
  ['staff', SMALL_DEPARTMENT, 3],
];
const SLOW = 120_000;
const faDigits = (n: number) => n.toLocaleString('fa-IR', { useGrouping: false });
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

interface Fixture {
  t: TestApp;
  app: OpenAPIHono;
  cache: ReportCache;
  token: string;
  orgId: string;
  assessmentId: string;
}

function appWith(t: TestApp, opts: ReportRouteOptions): OpenAPIHono {
  const app = new OpenAPIHono();
  app.onError((err, c) => toProblem(err, c, () => {}));
  app.route('/api/v1', reportRoutes(t.deps, opts));
  app.route('/', t.app);
  return app;
}

function responses(count: number, seed: number) {
  const random = seededRandom(seed);
  const people = PEOPLE.flatMap(([role, department, n]) => Array.from({ length: n }, () => ({ role, department })));
  return people.slice(0, count).map((p) => ({ ...p, answers: demoAnswers(q, { role: p.role, department: p.department ?? '' }, random) }));
}

async function seed(): Promise<Fixture> {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, now: () => NOW });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: ORG, sector: 'تولید لوازم خانگی', headcount: 60 } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, {
    token,
    json: { title: 'ارزیابی مشتری‌مداری پاییز ۱۴۰۴', questionnaireId: 'mehvar-core', targets: { culture: 70, process: 70, interaction: 75 } },
  });
  await t.invite(token, a.data.id, 'staff', 36);
  const imported = await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: responses(30, 1405) } });
  expect(imported.status).toBe(201);
  const cache = new ReportCache();
  return { t, app: appWith(t, { cache }), cache, token, orgId: org.data.id, assessmentId: a.data.id };
}

async function get(app: OpenAPIHono, url: string, token: string) {
  const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-report-'));
function save(name: string, pdf: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))![1]);
const text = (file: string) => tool('pdftotext', '-enc', 'UTF-8', file, '-').replace(MARKS, '');

interface Word {
  page: number;
  y: number;
  text: string;
}

// With -bbox poppler lists the glyphs of a right-to-left word in visual order; reverse them back.
// Digits (۰–۹) are laid out left to right and come back in order.
const logical = (w: string) => (/[\u0621-\u064A\u067E-\u06D3]/.test(w) ? [...w].reverse().join('') : w);

/** Words with their page and top edge, as poppler reads them back. */
function words(file: string): Word[] {
  const html = tool('pdftotext', '-bbox', '-enc', 'UTF-8', file, '-');
  return html.split('<page ').slice(1).flatMap((page, p) =>
    [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      page: p + 1,
      y: Number(m[1]),
      text: logical(m[2].replace(MARKS, '')),
    })),
  );
}

/** The words on each line where `name` is drawn (as one word), `name` included. */
function rowsOf(file: string, name: string): string[][] {
  const all = words(file);
  return all
    .filter((w) => w.text === name)
    .map((w) => all.filter((o) => o.page === w.page && Math.abs(o.y - w.y) < 3).map((o) => o.text));
}

afterAll(async () => {
  await closeReportPool();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1/assessments/{id}/report.pdf', () => {
  let f: Fixture;
  let faFile: string;
  let enFile: string;
  let faPdf: Buffer;

  beforeAll(async () => {
    f = await seed();
    const fa = await get(f.app, `/api/v1/assessments/${f.assessmentId}/report.pdf?lang=fa`, f.token);
    const en = await get(f.app, `/api/v1/assessments/${f.assessmentId}/report.pdf?lang=en`, f.token);
    expect([fa.status, en.status]).toEqual([200, 200]);
    faPdf = fa.body;
    faFile = save('fa.pdf', fa.body);
    enFile = save('en.pdf', en.body);
    expect(fa.type).toBe('application/pdf');
    expect(fa.disposition).toBe(`attachment; filename="mehvar-report-${f.assessmentId}-fa.pdf"`);
  }, SLOW);

  it('is a PDF with numbered pages: "صفحه ۱ از N" / "Page 1 of N" match pdfinfo', () => {
    expect(faPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const n = pages(faFile);
    expect(n).toBeGreaterThanOrEqual(10);
    // Lines mixing Persian words and digits do not extract in logical order (poppler), so compare words.
    const footers = rowsOf(faFile, 'صفحه').map((row) => row.sort().join(' '));
    const expected = Array.from({ length: n }, (_, i) => ['صفحه', faDigits(i + 1), 'از', faDigits(n)].sort().join(' '));
    expect(footers).toEqual(expected);
    const m = pages(enFile);
    expect(text(enFile)).toContain(`Page 1 of ${m}`);
    expect(text(enFile)).toContain(`Page ${m} of ${m}`);
  });

  it('embeds Vazirmatn, subset', () => {
    const fonts = tool('pdffonts', faFile);
    expect(fonts).toMatch(/\+Vazirmatn-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/\+Vazirmatn-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('carries the charts as images at print resolution (at least 2× their size on the page)', () => {
    const rows = tool('pdfimages', '-list', faFile).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    // radar, section scores, Likert pages (3+), roles, departments
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) expect(Number(r[12])).toBeGreaterThanOrEqual(144); // x-ppi: 2 × 72
  });

  it('reads back the Persian names exactly as typed, and English in the English report', () => {
    const fa = text(faFile);
    for (const s of [ORG.fa, 'فرهنگ', 'فرایند', 'تعامل', 'خلاصه‌ی مدیریتی', 'نردبان بلوغ', 'پاسخ ناکافی']) expect(fa, s).toContain(s);
    const en = text(enFile);
    for (const s of [ORG.en, 'Executive summary', 'Culture', 'Process', 'Interaction', 'Maturity ladder', 'Recommendations in order of priority', 'Appendix: how the figures are computed'])
      expect(en, s).toContain(s);
  });

  it('names a suppressed department only beside "insufficient responses", never with a figure', () => {
    for (const [file, note] of [[faFile, ['پاسخ', 'ناکافی']], [enFile, ['insufficient', 'responses']]] as const) {
      const rows = rowsOf(file, SMALL_DEPARTMENT);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const row of rows) expect(row.sort()).toEqual([SMALL_DEPARTMENT, ...note].sort());
    }
  });

  it('serves the same bytes for unchanged data, and a new report after a new response', async () => {
    const url = `/api/v1/assessments/${f.assessmentId}/report.pdf?lang=fa`;
    const hits = f.cache.hits;
    const again = await get(f.app, url, f.token);
    expect(again.body.equals(faPdf)).toBe(true);
    expect(f.cache.hits).toBe(hits + 1);

    // A manager of the organization and the admin may read it too (from the cache).
    const manager = await f.t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'مدیر', organizationId: f.orgId } });
    expect((await get(f.app, url, manager.data.token)).body.equals(faPdf)).toBe(true);
    expect((await get(f.app, url, ADMIN_TOKEN)).status).toBe(200);

    const more = await f.t.call('POST', `/api/v1/assessments/${f.assessmentId}/responses/import`, { token: f.token, json: { responses: responses(1, 7) } });
    expect(more.status).toBe(201);
    const fresh = await get(f.app, url, f.token);
    expect(fresh.status).toBe(200);
    expect(fresh.body.equals(faPdf)).toBe(false);
    const cover = rowsOf(save('fresh.pdf', fresh.body), 'نفر').filter((row) => row.includes('۳۶'));
    expect(cover).toEqual([expect.arrayContaining(['۳۱', 'نفر', 'از', '۳۶'])]);
  }, SLOW);

  it('answers 404 for an unknown assessment and for another consultant\'s', async () => {
    const unknown = await get(f.app, `/api/v1/assessments/${randomUUID()}/report.pdf`, f.token);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
    const other = await f.t.consultant('Other');
    expect((await get(f.app, `/api/v1/assessments/${f.assessmentId}/report.pdf`, other)).status).toBe(404);
  });

  it('answers 400 for an unsupported language', async () => {
    const res = await get(f.app, `/api/v1/assessments/${f.assessmentId}/report.pdf?lang=de`, f.token);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.body.toString()).errors[0].path).toBe('query.lang');
  });

  it('gives a short valid report for an assessment without responses', async () => {
    const a = await f.t.call('POST', `/api/v1/organizations/${f.orgId}/assessments`, { token: f.token, json: { title: 'ارزیابی بدون پاسخ', questionnaireId: 'mehvar-core' } });
    const res = await get(f.app, `/api/v1/assessments/${a.data.id}/report.pdf?lang=fa`, f.token);
    expect(res.status).toBe(200);
    const file = save('empty.pdf', res.body);
    expect(pages(file)).toBe(2);
    expect(text(file)).toContain('هنوز پاسخی ثبت نشده است');
    const en = await get(f.app, `/api/v1/assessments/${a.data.id}/report.pdf?lang=en`, f.token);
    expect(text(save('empty-en.pdf', en.body))).toContain('No complete response has been submitted');
  }, SLOW);
});

/** What the service hands to the report thread for the seeded assessment. */
async function reportJob(f: Fixture, lang: 'fa' | 'en'): Promise<AssessmentReportJob> {
  const assessment = await f.t.db.selectFrom('assessments').selectAll().executeTakeFirstOrThrow();
  return { source: await loadReportSource(f.t.deps, assessment), lang, generatedAt: NOW, benchmark: null };
}

describe('rendering off the event loop', () => {
  it('keeps answering other requests while a report renders on the worker pool', async () => {
    const f = await seed();
    const job = await reportJob(f, 'fa');
    const model = reportModelOf(job);
    // Warm the worker (its first report loads fonts and Chart.js) and this thread alike.
    const [inWorker, inProcess] = [await renderJobInWorker(job), await renderReportPdf(model)];
    expect(inWorker.equals(inProcess)).toBe(true);

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    await renderReportPdf(model);
    delay.disable();
    const blockedInProcess = delay.max / 1e6;

    let finished = false;
    const report = get(f.app, `/api/v1/assessments/${f.assessmentId}/report.pdf?lang=en`, f.token).then((r) => {
      finished = true;
      return r;
    });
    delay.reset();
    delay.enable();
    // Other requests keep being answered for as long as the report is being drawn. (A request on the
    // in-memory database resolves in microtasks alone, so each round waits for a timer, as separate
    // clients would, to let the worker's answer in.)
    let answered = 0;
    while (!finished) {
      await sleep(10);
      const res = await f.t.app.request(`/api/v1/assessments/${f.assessmentId}`, { headers: { authorization: `Bearer ${f.token}` } });
      expect(res.status).toBe(200);
      if (!finished) answered++;
    }
    expect((await report).status).toBe(200);
    delay.disable();
    const blockedByWorker = delay.max / 1e6;
    expect(answered, 'requests answered while the report rendered').toBeGreaterThanOrEqual(3);
    expect(blockedByWorker, `longest stall ${blockedByWorker} ms, in-process ${blockedInProcess} ms`).toBeLessThan(blockedInProcess);
  }, SLOW);

  it('scores and models on the report thread exactly as the model built on this one', async () => {
    const f = await seed();
    const job = await reportJob(f, 'en');
    const assessment = await f.t.db.selectFrom('assessments').selectAll().executeTakeFirstOrThrow();
    const built = buildReportModel(reportInput(await loadReportData(f.t.deps, assessment), 'en', NOW), 'en');
    expect((await renderJobInWorker(job)).equals(await renderReportPdf(built))).toBe(true);
  }, SLOW);

  it.runIf(process.platform === 'linux')('draws on a thread at the lowest CPU priority, leaving the event loop at its own', async () => {
    await renderJobInWorker(await reportJob(await seed(), 'en'));
    // /proc/self/task/<tid>/stat: the nice value is the 19th field; the main thread's tid is the pid.
    const nice = (tid: string) => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
    const threads = fs.readdirSync('/proc/self/task');
    expect(nice(String(process.pid))).toBe(0);
    expect(threads.map(nice)).toContain(19);
  }, SLOW);
});
