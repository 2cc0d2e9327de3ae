import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../src/httpErrors.js';
import { ReportCache } from '../../src/reports/cache.js';
import { loadReportSource } from '../../src/services/reports.js';
import { closeReportPool, renderJobInWorker } from '../../src/reports/worker/pool.js';
import { RenderQueue } from '../../src/reports/worker/renderQueue.js';
import { reportRoutes } from '../../src/routes/report.js';
import { seedAssessment } from '../../bench/resultsBench.js';
import { buildTestApp } from '../helpers.js';

// Regression (issue 15, defect 3): a report whose client had gone away was still made, so after 30 abandoned
// requests the next report waited 16 s behind reports nobody would read. Over a real socket: a client that
// disconnects takes its report out of the queue, or stops it while it is drawn.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const FAKE_PDF = Buffer.from('%PDF-1.7\n%fake\n');

afterAll(() => closeReportPool());

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 2000 && !condition(); i++) await sleep(5);
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

async function seed(assessments: number) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس' } } });
  const ids: string[] = [];
  for (let i = 0; i < assessments; i++)
    ids.push((await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: `ارزیابی ${i + 1}`, questionnaireId: 'mehvar-core' } })).data.id);
  return { t, token, ids };
}

describe('a report whose client went away', () => {
  it('leaves the queue when waiting and is stopped when being drawn, over a real socket', async () => {
    const { t, token, ids } = await seed(3);
    const [first, second, third] = ids;
    // A renderer that draws until released, and notes which reports it started and which were stopped.
    const started: string[] = [];
    const stopped: string[] = [];
    const release = new Map<string, () => void>();
    const render = (model: { fileName: string }, signal: AbortSignal) =>
      new Promise<Buffer>((resolve, reject) => {
        const id = ids.find((i) => model.fileName.includes(i))!;
        started.push(id);
        release.set(id, () => resolve(FAKE_PDF));
        signal.addEventListener('abort', () => (stopped.push(id), reject(new Error('stopped'))));
      });
    const queue = new RenderQueue({ concurrency: 1, maxWaitMs: 60_000, initialEstimateMs: 100 });
    const app = new OpenAPIHono();
    app.onError((err, c) => toProblem(err, c, () => {}));
    app.route('/api/v1', reportRoutes(t.deps, { cache: new ReportCache(), queue, render }));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const open = (id: string) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/assessments/${id}/report.pdf`, headers: { authorization: `Bearer ${token}` }, agent: false });
      const response = new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
      });
      response.catch(() => {});
      return { req, response };
    };

    const a = open(first);
    await until(() => started.includes(first), 'the first report to be drawn');
    const b = open(second);
    await until(() => queue.queued === 1, 'the second report to wait its turn');
    b.req.destroy();
    await until(() => queue.queued === 0, 'the abandoned report to leave the queue');
    a.req.destroy();
    await until(() => stopped.includes(first), 'the report being drawn to be stopped');

    // The queue is free again: the next report is drawn at once and delivered.
    const c = open(third);
    await until(() => started.includes(third), 'the third report to be drawn');
    release.get(third)!();
    const delivered = await c.response;
    expect(delivered.status).toBe(200);
    expect(delivered.body.equals(FAKE_PDF)).toBe(true);

    expect(started).toEqual([first, third]); // the abandoned waiting report was never drawn
    expect(queue.counts).toMatchObject({ started: 2, completed: 1, cancelled: 2 });
    const downloads = await t.db.selectFrom('audit_events').select('target_id').where('action', '=', 'report.download').execute();
    expect(downloads.map((d) => d.target_id)).toEqual([third]);
    await new Promise((r) => server.close(r));
  }, 60_000);

  it('stops a report being drawn on the report thread when its signal aborts: no PDF, and the next report is still drawn', async () => {
    // 1,000 respondents: a report that takes hundreds of milliseconds to draw even on a fast machine. (An empty
    // assessment's one-page report once finished inside the wait below on CI, and was delivered, not stopped.)
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const seeded = await seedAssessment(t.db, t.deps, 1_000);
    const assessment = await t.db.selectFrom('assessments').selectAll().where('id', '=', seeded.id).executeTakeFirstOrThrow();
    const job = { source: await loadReportSource(t.deps, assessment), lang: 'fa' as const, generatedAt: new Date(), benchmark: null };
    await renderJobInWorker(job); // the thread is up and warm, so the next job starts drawing at once
    const controller = new AbortController();
    const abandoned = renderJobInWorker(job, controller.signal);
    await sleep(10); // handed to the idle thread at once; drawing it takes far longer than this
    controller.abort();
    // Neither finished on the thread nor made again on the event loop (as a failed thread's report is).
    await expect(abandoned).rejects.toThrow(/abort/i);
    const next = await renderJobInWorker(job);
    expect(next.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
