import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeReportPool } from '../../src/reports/worker/pool.js';
import { startMailSender } from '../../src/services/mailSender.js';
import { tehranToday } from '../../src/web/app/jalaliField.js';
import { toJalali } from '../../src/web/app/jalaliDate.js';
import { buildTestApp } from '../helpers.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

// A whole engagement run by a consultant in a real browser, as issue 18 asks: the organization and its
// departments, an assessment with a Jalali closing date, invitations by email through an SMTP server in
// this process, staff answering at their links, a reminder, closing after its confirmation page, the PDF
// report; then in English a second assessment with links, closed, its report, and the comparison of the
// two as a PDF in both languages. The app is the production one (createApp: real report threads, real
// outbox sender) on an in-memory database, served on port 0. Screenshots go to /tmp/e2e/.

const SHOTS = '/tmp/e2e';
const ROOT = path.join(import.meta.dirname, '..', '..');

async function startServer(smtp: TestSmtp) {
  // The links in the emails must point at this server, so its port is known before the app is built.
  let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const server = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t = await buildTestApp({ questionnairesDir: path.join(ROOT, 'questionnaires'), env: { PUBLIC_URL: base, SMTP_URL: smtp.url, MAIL_FROM: 'Mehvar <noreply@mehvar.test>' } });
  handler = (req) => t.app.fetch(req);
  const sender = startMailSender(t.deps, { pollMs: 50 })!;
  const consultant = await t.consultant('مشاور آزمون');
  const close = async () => {
    await sender.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { t, base, consultant, close };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/** Answers every item of the section on screen (a different answer per item) and moves on. */
async function answerSection(page: Page, go: 'next' | 'submit', leaveBlank = false) {
  if (!leaveBlank)
    await page.evaluate(() => {
      document.querySelectorAll('fieldset[data-item]').forEach((f, i) => {
        const radio = f.querySelector<HTMLInputElement>(`input[type=radio][value="${(i % 5) + 1}"]`);
        if (radio) radio.checked = true;
      });
    });
  await Promise.all([page.waitForNavigation(), page.locator(`form#answers button[name=go][value=${go}]`).click()]);
}

/** A respondent answers the whole questionnaire at their link and submits. */
async function respond(context: BrowserContext, url: string, sections: number, start: string) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('link', { name: start }).click();
  // From wherever the link resumes, on to the last section, which submits.
  for (let n = 0; n < sections && !/\/done/.test(page.url()); n++) {
    const last = (await page.locator('form#answers button[name=go][value=submit]').count()) > 0;
    await answerSection(page, last ? 'submit' : 'next');
  }
  await page.waitForURL(/\/done(\?lang=en)?$/);
  await page.close();
}

/** The personal link in a message: the text part names it on a line of its own. */
const linkIn = (text: string, base: string) => new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/r/[A-Za-z0-9_-]{43}(\\?lang=en)?`).exec(text)![0];

async function download(page: Page, click: () => Promise<void>, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const bytes = readFileSync((await file.path())!);
  writeFileSync(`${SHOTS}/${name}`, bytes);
  return { name: file.suggestedFilename(), bytes };
}

/** The first page of a PDF as PNG, to look at (poppler's pdftoppm). */
function firstPage(pdf: string) {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', `${SHOTS}/${pdf}`, `${SHOTS}/${pdf.replace(/\.pdf$/, '')}`]);
}

describe.skipIf(!hasChromium)('an engagement run from the dashboard in Chromium (skipped without /usr/bin/chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await closeReportPool();
  });

  it('from the organization to email invitations, a reminder, closing, the reports and the comparison, in fa and en', async () => {
    const smtp = await startTestSmtp();
    const s = await startServer(smtp);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR', acceptDownloads: true });
    const problems: string[] = [];
    context.on('weberror', (e) => problems.push(e.error().message));
    context.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    const sections = s.t.deps.questionnaires.get('mehvar-core')!.definition.sections.length;
    const nextYear = String(toJalali(tehranToday(new Date())).year + 1);
    try {
      const page = await context.newPage();
      page.on('dialog', (d) => d.accept()); // the reminder form asks first when scripts run
      await page.goto(`${s.base}/app`);
      await page.fill('#f-token', s.consultant);
      await Promise.all([page.waitForURL(`${s.base}/app`), page.getByRole('button', { name: 'ورود' }).click()]);

      // The organization, with a confirmation.
      await page.fill('#f-nameFa', 'شرکت آزمون پارس');
      await page.fill('#f-nameEn', 'Pars Test Co.');
      await page.fill('#f-headcount', '۲۰');
      await Promise.all([page.waitForURL(/done=orgCreated/), page.getByRole('button', { name: 'ساختن سازمان' }).click()]);
      expect(await page.locator('#flash').textContent()).toBe('سازمان ساخته شد.');
      const orgUrl = page.url().split('?')[0];

      // Its departments, picked from later rather than typed.
      await page.getByRole('link', { name: 'واحدهای سازمان' }).click();
      for (const name of ['فروش', 'پشتیبانی']) {
        await page.fill('#f-name', name);
        await Promise.all([page.waitForURL(/done=deptAdded/), page.getByRole('button', { name: 'افزودن واحد' }).click()]);
      }
      expect(await page.locator('[data-department]').evaluateAll((els) => els.map((e) => e.getAttribute('data-department')))).toEqual(['پشتیبانی', 'فروش']);
      await shot(page, '01-departments-fa');

      // An assessment closing on a Jalali day (15 Esfand next year), anonymity threshold 3.
      await page.goto(orgUrl);
      await page.fill('#f-title', 'ارزیابی بهار');
      await page.fill('#f-anonymityThreshold', '۳');
      await page.selectOption('#f-closesOnDay', '15');
      await page.selectOption('#f-closesOnMonth', '12');
      await page.selectOption('#f-closesOnYear', nextYear);
      await Promise.all([page.waitForURL(/done=assessmentCreated/), page.getByRole('button', { name: 'ساختن ارزیابی' }).click()]);
      const first = page.url().split('?')[0];
      expect(await page.locator('.facts').textContent()).toContain('اسفند');

      // Invitations by email: four staff of فروش, in Persian.
      await page.getByRole('link', { name: 'دعوت با ایمیل' }).click();
      await page.selectOption('#f-department', 'فروش');
      await page.fill('#f-emails', 'sara@example.com\nali@example.org\nreza@example.net\nmina@example.com');
      await page.getByRole('button', { name: 'ساختن پیوندها و فرستادن' }).click();
      await shot(page, '02-email-outcome-fa');
      const invitations = await smtp.waitFor(4, 20_000);
      const mailTo = (addr: string) => invitations.find((m) => m.to.includes(addr))!.parsed;
      expect(mailTo('sara@example.com').subject).toContain('شرکت آزمون پارس');
      const links = Object.fromEntries(['sara@example.com', 'ali@example.org', 'reza@example.net', 'mina@example.com'].map((a) => [a, linkIn(mailTo(a).text ?? '', s.base)]));

      // And three managers' links, without a department, listed on the links page after the redirect.
      await page.goto(first);
      await page.selectOption('#f-role', 'manager');
      await page.fill('#f-count', '۳');
      await Promise.all([page.waitForURL(/\/links\?done=linksCreated/), page.getByRole('button', { name: 'ساختن و نمایش پیوندها' }).click()]);
      await shot(page, '03-links-fa');
      await page.reload(); // a reload of the page after the redirect creates nothing
      expect(await page.locator('tr[data-batch]').count()).toBe(2);

      // Three answer at once; Mina begins, finds she answered too little to submit, and stops.
      for (const a of ['sara@example.com', 'ali@example.org', 'reza@example.net']) await respond(context, links[a], sections, 'شروع');
      const mina = await context.newPage();
      await mina.goto(links['mina@example.com']);
      await mina.getByRole('link', { name: 'شروع' }).click();
      await answerSection(mina, 'next');
      await mina.goto(`${links['mina@example.com']}/s/${sections}`);
      await Promise.all([mina.waitForURL(/\/confirm$/), mina.locator('form#answers button[name=go][value=submit]').click()]);
      expect(await mina.locator('#confirm-submit h1').textContent()).toContain('هنوز به بسیاری از پرسش‌ها پاسخ نداده‌اید');
      await shot(mina, '04-respondent-confirm-fa');
      await mina.close();

      // Progress by department: counts, never a person (Mina is one of "in progress", not named).
      await page.goto(first);
      const progress = await page.locator('#department-progress tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      expect(progress).toEqual([
        ['بدون واحد', '۳', '۰', '۰', '۰٪'],
        ['فروش', '۴', '۱', '۳', '۷۵٪'],
      ]);
      await shot(page, '05-assessment-fa');

      // A reminder goes to the one invitee who has not submitted.
      await page.fill('#f-note', 'لطفاً تا پایان هفته پاسخ دهید.');
      await Promise.all([page.waitForURL(/reminded=1/), page.getByRole('button', { name: 'فرستادن یادآوری' }).click()]);
      const all = await smtp.waitFor(5, 20_000);
      const reminder = all[4];
      expect(reminder.to).toEqual(['mina@example.com']);
      expect(reminder.parsed.text).toContain('لطفاً تا پایان هفته پاسخ دهید.');
      expect(linkIn(reminder.parsed.text ?? '', s.base)).toBe(links['mina@example.com']);
      await respond(context, links['mina@example.com'], sections, 'ادامه از جایی که ماندید');

      // Closing: a page first, then the post, then a confirmation.
      await page.goto(first);
      await page.getByRole('link', { name: 'بستن ارزیابی…' }).click();
      await page.waitForURL(/\/close$/);
      await shot(page, '06-close-confirm-fa');
      await Promise.all([page.waitForURL(/done=closed/), page.getByRole('button', { name: 'بله، ارزیابی بسته شود' }).click()]);
      expect(await page.locator('#flash').textContent()).toContain('ارزیابی بسته شد');
      await shot(page, '07-closed-fa');

      const faPdf = await download(page, () => page.getByRole('link', { name: 'گزارش PDF فارسی' }).click(), 'report-fa.pdf');
      expect(faPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      firstPage('report-fa.pdf');

      // In English now: the same dashboard, a second assessment with links, answered in English.
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      await page.goto(`${orgUrl}?lang=en`);
      await page.fill('#f-title', 'Autumn assessment');
      await page.fill('#f-anonymityThreshold', '3');
      await page.selectOption('#f-closesOnMonth', '12');
      await page.selectOption('#f-closesOnDay', '1');
      await page.selectOption('#f-closesOnYear', nextYear);
      await Promise.all([page.waitForURL(/done=assessmentCreated/), page.getByRole('button', { name: 'Create assessment' }).click()]);
      const second = page.url().split('?')[0];
      await page.selectOption('#f-department', 'پشتیبانی');
      await page.fill('#f-count', '3');
      await Promise.all([page.waitForURL(/\/links\?done=linksCreated/), page.getByRole('button', { name: 'Create and show links' }).click()]);
      await Promise.all([page.waitForURL(/\/links\/reissue/), page.getByRole('button', { name: 'Show links (fresh links)' }).click()]);
      const enLinks = (await page.locator('#all-links').inputValue()).split('\n');
      expect(enLinks).toHaveLength(3);
      await shot(page, '08-links-shown-en');
      for (const l of enLinks) await respond(context, `${l}?lang=en`, sections, 'Start');

      await page.goto(`${second}?lang=en`);
      await page.getByRole('link', { name: 'Close the assessment…' }).click();
      expect(await page.locator('#close-confirm').textContent()).toContain('So far 3 of 3 invited have responded.');
      await Promise.all([page.waitForURL(/done=closed/), page.getByRole('button', { name: 'Yes, close the assessment' }).click()]);
      await shot(page, '09-closed-en');
      const enPdf = await download(page, () => page.getByRole('link', { name: 'PDF report, English' }).click(), 'report-en.pdf');
      expect(enPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

      // The comparison of the two, on the page and as PDF reports in both languages.
      await page.goto(`${orgUrl}?lang=en`);
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.waitForURL(/\/compare/);
      await shot(page, '10-compare-en');
      const trendEn = await download(page, () => page.getByRole('link', { name: 'Comparison report, English PDF' }).click(), 'comparison-en.pdf');
      const trendFa = await download(page, () => page.getByRole('link', { name: 'Comparison report, Persian PDF' }).click(), 'comparison-fa.pdf');
      for (const p of [trendEn, trendFa]) expect(p.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      firstPage('comparison-fa.pdf');

      // The audit log tells the story in order.
      await page.goto(`${orgUrl}/audit?lang=en`);
      const actions = await page.locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      expect(actions).toEqual(expect.arrayContaining(['organization.create', 'department.create', 'assessment.create', 'invitations.create', 'invitations.reissue', 'assessment.close', 'report.download']));
      await shot(page, '11-audit-en');

      // On a 360 px phone, in Persian: the assessment page fits.
      const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fa-IR', storageState: await context.storageState() });
      const small = await phone.newPage();
      await small.goto(first);
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(small, '12-assessment-phone-fa');
      await phone.close();

      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await s.close();
      await smtp.close();
    }
  }, 300_000);
});
