import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW } from '../../src/domain/answers.js';
import { buildRespondentApp } from './helpers.js';


/** The app on a real port (0 = any free one) over its own in-memory database. */
async function startServer() {
  const r = await buildRespondentApp();
  const server = serve({ fetch: r.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/r/${r.token}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { ...r, url, close };
}
type Server = Awaited<ReturnType<typeof startServer>>;

/** The answer the staff member gives to the i-th item of the questionnaire: 1..5, and "don't know" now and then. */
const answerFor = (i: number) => (i % 6 === 5 ? 'dk' : String((i % 5) + 1));

describe.skipIf(!hasChromium)('respondent pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function newContext(javaScriptEnabled: boolean) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 800 }, locale: 'fa-IR' });
    const problems: string[] = [];
    context.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    context.on('weberror', (e) => problems.push(e.error().message));
    return { context, problems };
  }

  /** Clicks the label of each item's answer in section n (1-based); with JS, waits for each save. */
  async function answerSection(s: Server, page: Page, n: number, js: boolean, only?: number) {
    const ids = s.sectionItems[n - 1].slice(0, only);
    await page.waitForURL(new RegExp(`/s/${n}$`)); // waits for "load": the deferred script has run
    for (const id of ids) {
      const inputId = `q-${id}-${answerFor(s.q.items.findIndex((i) => i.id === id))}`;
      const label = page.locator(`label[for="${inputId}"]`);
      // Clicking a choice that is already checked changes nothing, so nothing is sent.
      if (!js || (await page.locator(`[id="${inputId}"]`).isChecked())) await label.click();
      else
        await Promise.all([
          page.waitForResponse((res) => res.url().endsWith('/answers') && res.request().method() === 'PUT' && res.ok()),
          label.click(),
        ]);
    }
    if (js && ids.length) await expect.poll(() => page.locator('#save-status').textContent()).toBe('ذخیره شد');
  }

  async function expectChecked(s: Server, page: Page, n: number, count?: number) {
    for (const id of s.sectionItems[n - 1].slice(0, count)) {
      const value = answerFor(s.q.items.findIndex((i) => i.id === id));
      expect(await page.locator(`[id="q-${id}-${value}"]`).isChecked(), `${id}=${value}`).toBe(true);
    }
  }

  async function expectOneResponse(s: Server) {
    const rows = await s.t.db.selectFrom('responses').selectAll().execute();
    expect(rows).toHaveLength(1);
    const expected = s.q.items.map((_, i) => (answerFor(i) === 'dk' ? DONT_KNOW : Number(answerFor(i))));
    expect(Array.from(decodeAnswers(rows[0].answers))).toEqual(expected);
    expect(rows[0]).toMatchObject({ role: 'staff', department: 'فروش', source: 'online' });
  }

  async function completeFrom(s: Server, page: Page, from: number, js: boolean) {
    const last = s.sectionItems.length;
    for (let n = from; n <= last; n++) {
      await expect.poll(() => page.locator('.progress-text span').first().textContent()).toBe(`بخش ${fa(n)} از ${fa(last)}`);
      await answerSection(s, page, n, js);
      await page.locator(`button[name=go][value=${n === last ? 'submit' : 'next'}]`).click();
    }
    await page.waitForURL(/\/done$/);
    expect(await page.locator('h1').textContent()).toBe('سپاس از شما');
  }

  for (const js of [true, false])
    it(`a staff member answers in Persian ${js ? 'with' : 'without'} JavaScript, leaves half-way, resumes and submits`, async () => {
      const s = await startServer();
      const { context, problems } = await newContext(js);
      try {
        const page = await context.newPage();
        await page.goto(s.url);
        expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        await page.getByRole('link', { name: 'شروع' }).click();
        await answerSection(s, page, 1, js);
        if (js) expect(await page.locator('#answered-pct').textContent()).toBe('۷٪ پاسخ داده شده');
        await page.getByRole('button', { name: 'بعدی' }).click();
        await answerSection(s, page, 2, js);
        await page.getByRole('button', { name: 'بعدی' }).click();
        // Half-way through section 3; with JavaScript each click is saved at once, without it only what Next posted.
        await answerSection(s, page, 3, js, 3);
        await page.close();

        const again = await context.newPage();
        await again.goto(s.url);
        const resume = again.getByRole('link', { name: 'ادامه از جایی که ماندید' });
        expect(await resume.getAttribute('href')).toBe(new URL(s.url).pathname + '/s/3');
        await again.goto(`${s.url}/s/1`);
        await expectChecked(s, again, 1);
        await again.goto(`${s.url}/s/2`);
        await expectChecked(s, again, 2);
        await again.goto(`${s.url}/s/3`);
        if (js) await expectChecked(s, again, 3, 3);
        else expect(await again.locator(`[id="q-${s.sectionItems[2][0]}-${answerFor(s.q.items.findIndex((i) => i.id === s.sectionItems[2][0]))}"]`).isChecked()).toBe(false);
        await completeFrom(s, again, 3, js);
        await expectOneResponse(s);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await s.close();
      }
    }, 120_000);

  it('works with the keyboard alone, with visible focus, Next on the left in Persian and nothing wider than 360 px', async () => {
    const s = await startServer();
    const { context, problems } = await newContext(true);
    try {
      const page = await context.newPage();
      await page.goto(`${s.url}/s/2`);
      const first = s.sectionItems[1][0];
      const activeRadio = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio');
      for (let i = 0; i < 5 && !(await activeRadio()); i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe(`q-${first}-1`);
      await page.keyboard.press('Space');
      expect(await page.locator(`[id="q-${first}-1"]`).isChecked()).toBe(true);
      await page.keyboard.press('ArrowDown');
      expect(await page.locator(`[id="q-${first}-2"]`).isChecked()).toBe(true);
      const outline = await page.locator(`label[for="q-${first}-2"]`).evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).toBe('solid');

      const next = page.locator('button[value=next]');
      const back = page.locator('button[value=back]');
      const [nb, bb] = [await next.boundingBox(), await back.boundingBox()];
      expect(nb!.x).toBeLessThan(bb!.x);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // Tab past every other question to Next (focus order puts Next before Back), then Enter.
      for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/s\/3$/);
      const row = await s.t.db.selectFrom('invitations').select('draft_answers').executeTakeFirstOrThrow();
      expect(JSON.parse(row.draft_answers!)).toEqual({ [first]: 2 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await s.close();
    }
  }, 60_000);
});

function fa(n: number) {
  return new Intl.NumberFormat('fa-IR').format(n);
}
