import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsultantApp } from './helpers.js';


/**
 * A one-page PDF with a correct cross-reference table. The real renderer is another component's; this stub
 * stands in for `renderReport` so the test checks only that the dashboard hands its bytes to the browser.
 */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function startServer() {
  const reports: string[] = [];
  const c = await buildConsultantApp({
    renderReport: async (_user, assessment, lang) => {
      reports.push(`${assessment.title}:${lang}`);
      return tinyPdf();
    },
  });
  const server = serve({ fetch: c.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { ...c, base, reports, close };
}

/** Answers every item of the current section page (a different answer per item) and moves on. */
async function answerSection(page: Page, go: 'next' | 'submit') {
  await page.evaluate(() => {
    document.querySelectorAll('fieldset[data-item]').forEach((f, i) => {
      const radio = f.querySelector<HTMLInputElement>(`input[type=radio][value="${(i % 5) + 1}"]`);
      if (radio) radio.checked = true;
    });
  });
  await Promise.all([page.waitForNavigation(), page.locator(`button[name=go][value=${go}]`).click()]);
}

/** Whether a canvas has any painted pixel. */
const painted = (page: Page, selector: string) =>
  page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return canvas.width > 0 && canvas.height > 0 && n > 500;
  });

describe.skipIf(!hasChromium)('consultant dashboard in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('a consultant signs in, sets up an assessment, watches the response rate move, opens results and downloads the PDF', async () => {
    const s = await startServer();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR', acceptDownloads: true });
    const problems: string[] = [];
    context.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text()); // a CSP violation would show here
    });
    context.on('weberror', (e) => problems.push(e.error().message));
    try {
      const page = await context.newPage();
      await page.goto(`${s.base}/app`);
      await page.waitForURL(/\/app\/login/);
      await page.fill('#f-token', s.consultant);
      await Promise.all([page.waitForURL(`${s.base}/app`), page.getByRole('button', { name: 'ورود' }).click()]);
      const cookie = (await context.cookies()).find((c) => c.name === 'mehvar_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/app' });

      await page.fill('#f-nameFa', 'شرکت آزمون');
      await page.fill('#f-nameEn', 'Test Co.');
      await page.fill('#f-headcount', '۲۰');
      await Promise.all([page.waitForURL(/\/app\/organizations\/[^/#]+(#.*)?$/), page.getByRole('button', { name: 'ساختن سازمان' }).click()]);
      const orgUrl = page.url().split(/[?#]/)[0];

      await page.fill('#f-title', 'ارزیابی آزمایشی');
      await page.fill('#f-targetProcess', '۷۰');
      await Promise.all([page.waitForURL(/\/app\/assessments\/[^/#]+(#.*)?$/), page.getByRole('button', { name: 'ساختن ارزیابی' }).click()]);

      // Departments are picked from the organization's list: add one first.
      const assessmentUrl = page.url().split('?')[0];
      await page.goto(`${orgUrl}/departments`);
      await page.fill('#f-name', 'فروش');
      await Promise.all([page.waitForURL(/departments\?done=deptAdded/), page.getByRole('button', { name: 'افزودن واحد' }).click()]);
      await page.goto(assessmentUrl);
      await page.selectOption('#f-department', 'فروش');
      await page.fill('#f-count', '3');
      // Created, then redirected to the links page (a reload repeats nothing), where they are shown.
      await Promise.all([page.waitForURL(/\/links\?done=linksCreated/), page.getByRole('button', { name: 'ساختن و نمایش پیوندها' }).click()]);
      await Promise.all([page.waitForURL(/\/links\/reissue$/), page.getByRole('button', { name: 'نمایش پیوندها (پیوند تازه)' }).click()]);
      const links = (await page.locator('#all-links').inputValue()).split('\n');
      expect(links).toHaveLength(3);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#links-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^mehvar-links-.+\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFurl,role,department\r\n')).toBe(true);
      expect(csv.trim().split('\r\n').slice(1).sort()).toEqual(links.map((l) => `${l},staff,فروش`).sort());

      await page.goto(orgUrl);
      expect(await page.locator('.rate .submitted').textContent()).toBe('۰ پاسخ از ۳ دعوت‌شده');

      // A staff member answers the questionnaire through the first link (the respondent pages).
      const staff = await context.newPage();
      await staff.goto(`${s.base}/r/${links[0].split('/r/')[1]}`);
      await staff.getByRole('link', { name: 'شروع' }).click();
      const sections = s.q.sections.length;
      for (let n = 1; n <= sections; n++) await answerSection(staff, n === sections ? 'submit' : 'next');
      await staff.waitForURL(/\/done$/);

      await page.reload();
      expect(await page.locator('.rate .submitted').textContent()).toBe('۱ پاسخ از ۳ دعوت‌شده');
      expect(await page.locator('.rate progress').getAttribute('value')).toBe('1');
      expect(await page.locator('.rate .pct').textContent()).toBe('۳۳٪');

      await Promise.all([page.waitForURL(/\/results$/), page.getByRole('link', { name: 'نتایج' }).first().click()]);
      // One response is below the anonymity threshold (5): counts only, no chart, no export.
      expect(await page.locator('#snapshot').textContent()).toContain('تاکنون ۱ پاسخ ثبت شده');
      expect(await page.locator('canvas[data-chart]').count()).toBe(0);
      // Four more arrive (paper forms, through the API); the figures then appear, charts drawn.
      const assessmentId = /\/assessments\/([^/]+)\/results/.exec(page.url())![1];
      const answers = Object.fromEntries(s.q.items.map((item, i) => [item.id, (i % 5) + 1 === 3 ? 4 : (i % 5) + 1]));
      const imported = await s.app.request(`/api/v1/assessments/${assessmentId}/responses/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.consultant}`, 'content-type': 'application/json' },
        body: JSON.stringify({ responses: Array.from({ length: 4 }, () => ({ role: 'staff', department: 'فروش', answers })) }),
      });
      expect(imported.status).toBe(201);
      await page.reload();
      await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((c) => c.getAttribute('data-drawn') === 'true'));
      const charts = await page.locator('canvas[data-chart]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-chart')));
      expect(charts).toEqual(expect.arrayContaining(['radar', 'scores']));
      for (const chart of charts) expect(await painted(page, `canvas[data-chart="${chart}"]`), chart!).toBe(true);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'گزارش PDF فارسی' }).click()]);
      expect(pdf.suggestedFilename()).toMatch(/^mehvar-report-.+-fa\.pdf$/);
      expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
      expect(s.reports).toEqual(['ارزیابی آزمایشی:fa']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await s.close();
    }
  }, 120_000);
});
