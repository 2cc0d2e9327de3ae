import { mkdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeReportPool, reportPoolSize, reportQueue } from '../../src/reports/worker/pool.js';
import { buildTestApp } from '../helpers.js';
import { seedAssessment, seedOrganization } from './appSeed.js';

// Issue 21: a report link on the dashboard says what is happening while its report is prepared: the seconds
// and the report queue, then "ready" once the file is saved, or why it was refused. The app is the production
// one (createApp: real report threads) served on port 0; the queue is held with placeholder jobs so the
// report visibly waits. Screenshots go to /tmp/progress/.

const SHOTS = '/tmp/progress';
const ROOT = path.join(import.meta.dirname, '..', '..');

async function startServer() {
  const t = await buildTestApp({ questionnairesDir: path.join(ROOT, 'questionnaires') });
  const consultant = await t.consultant('مشاور آزمون');
  const orgId = await seedOrganization(t.app, consultant);
  const q = t.deps.questionnaires.get('mehvar-core')!.definition;
  const { id } = await seedAssessment(t.app, consultant, orgId, q, { title: 'ارزیابی پاییز', seed: 7, close: true });
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { base, consultant, assessmentId: id, close };
}

/** Placeholder jobs on the process's report queue: every report thread busy and `waiting` more in line. */
function holdQueue(waiting: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const jobs = Array.from({ length: reportPoolSize() + waiting }, () => reportQueue().run(() => gate).catch(() => undefined));
  return () => {
    release();
    return Promise.all(jobs);
  };
}

const digits = (locale: string, n: number) => new Intl.NumberFormat(locale).format(n);

/** The status beside a link, as app.js fills it in. */
const statusOf = (page: Page, href: string) => page.locator(`a[data-download][href$="${href}"] + .download-status`);

describe.skipIf(!hasChromium)('report progress on the dashboard in Chromium (skipped without /usr/bin/chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await closeReportPool();
  });

  it('shows the wait and the queue while the PDF is prepared, saves it, then says it is ready, in fa and en', async () => {
    const s = await startServer();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, locale: 'fa-IR', acceptDownloads: true });
    const problems: string[] = [];
    context.on('weberror', (e) => problems.push(e.error().message));
    context.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text()); // a CSP violation would show here
    });
    const reportRequests: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('/report.pdf')) reportRequests.push(r.url());
    });
    try {
      const page = await context.newPage();
      await page.goto(`${s.base}/app`);
      await page.fill('#f-token', s.consultant);
      await Promise.all([page.waitForURL(`${s.base}/app`), page.getByRole('button', { name: 'ورود' }).click()]);
      const assessmentUrl = `${s.base}/app/assessments/${s.assessmentId}`;

      // fa: one report ahead of ours, so ours visibly waits.
      await page.goto(assessmentUrl);
      let release = holdQueue(1);
      const pdfFa = page.getByRole('link', { name: 'گزارش PDF فارسی' });
      const status = statusOf(page, 'report.pdf?lang=fa');
      let saved = page.waitForEvent('download', { timeout: 60_000 });
      saved.catch(() => undefined); // awaited below; a failure before then is reported there, not as unhandled
      await pdfFa.click();
      await expect.poll(() => status.getByRole('status').textContent()).toBe('در حال آماده‌سازی…');
      expect(await pdfFa.getAttribute('aria-disabled')).toBe('true');
      // Ours waits behind the held one, the held ones fill every thread.
      const queueFa = `در صف گزارش‌ها: ${digits('fa-IR', 2)} در انتظار، ${digits('fa-IR', reportPoolSize())} در حال ساخت`;
      await expect.poll(() => status.locator('.detail').textContent(), { timeout: 10_000 }).toContain(queueFa);
      await expect.poll(() => status.locator('.detail').textContent(), { timeout: 10_000 }).toMatch(/^[۱-۹][۰-۹]* ثانیه؛ /);
      // A second click while it is prepared starts nothing (force: Playwright would wait for aria-disabled to go).
      await pdfFa.click({ force: true });
      await page.locator('section.card', { has: pdfFa }).screenshot({ path: `${SHOTS}/fa-preparing.png` });
      expect(reportRequests).toHaveLength(1);
      await release();

      let file = await saved;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      expect(readFileSync((await file.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
      expect(await status.getByRole('status').textContent()).toBe('آماده شد؛ فایل دریافت شد.');
      expect(await pdfFa.getAttribute('aria-disabled')).toBeNull();
      await page.locator('section.card', { has: pdfFa }).screenshot({ path: `${SHOTS}/fa-ready.png` });
      expect(reportRequests).toHaveLength(1);

      // en: the English page, its English PDF.
      await page.goto(`${assessmentUrl}?lang=en`);
      release = holdQueue(1);
      const pdfEn = page.getByRole('link', { name: 'PDF report, English' });
      const statusEn = statusOf(page, 'report.pdf?lang=en');
      saved = page.waitForEvent('download', { timeout: 60_000 });
      saved.catch(() => undefined);
      await pdfEn.click();
      await expect.poll(() => statusEn.locator('.detail').textContent(), { timeout: 10_000 }).toMatch(/^[1-9]\d* s · Report queue: 2 waiting, \d+ being drawn$/);
      expect(await statusEn.getByRole('status').textContent()).toBe('Preparing…');
      await page.locator('section.card', { has: pdfEn }).screenshot({ path: `${SHOTS}/en-preparing.png` });
      await release();
      file = await saved;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      expect(readFileSync((await file.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect.poll(() => statusEn.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Ready; the file has been downloaded.');

      expect(problems).toEqual([]);

      // A full queue refuses a report not drawn yet at once: the status says so and when to try again, in the
      // page's digits. (The PDFs above are cached now and would not queue.)
      await page.goto(assessmentUrl);
      release = holdQueue(40);
      const docxFa = page.getByRole('link', { name: 'گزارش Word فارسی' });
      await docxFa.click();
      const refused = statusOf(page, 'report.docx?lang=fa');
      await expect.poll(() => refused.getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
      expect(await refused.getByRole('status').textContent()).toMatch(/^سرور سرگرم ساختن گزارش‌های دیگر است — لطفاً [۱-۹][۰-۹]* ثانیه‌ی دیگر دوباره تلاش کنید\.$/);
      expect(await docxFa.getAttribute('aria-disabled')).toBeNull();
      await page.locator('section.card', { has: docxFa }).screenshot({ path: `${SHOTS}/fa-refused.png` });
      await release();
      // The browser logs the refused fetch; nothing else went wrong.
      expect(problems).toEqual(['Failed to load resource: the server responded with a status of 503 (Service Unavailable)']);
    } finally {
      await context.close();
      await s.close();
    }
  }, 180_000);
});
