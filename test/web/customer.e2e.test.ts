import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

// Issue 20: a customer answers the survey on a 360 px phone, in Persian and English, with and without JavaScript.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
/** Set to a folder to keep the screenshots (`CUSTOMER_SHOTS=/tmp/shots npx vitest run …`). */
const SHOTS = process.env.CUSTOMER_SHOTS;

async function startServer() {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const { token, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core' });
  const opened = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: {} });
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const submitted = async () => (await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data.submitted as number;
  return { url: `${base}/c/${opened.data.url.split('/c/')[1]}`, submitted, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.skipIf(!hasChromium)('the customer page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [lang, js] of [['fa', false], ['fa', true], ['en', false], ['en', true]] as const)
    it(`is answered on a 360 px phone in ${lang}, ${js ? 'with' : 'without'} JavaScript`, async () => {
      const s = await startServer();
      const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 360, height: 740 }, locale: lang === 'fa' ? 'fa-IR' : 'en-US' });
      const problems: string[] = [];
      context.on('weberror', (e) => problems.push(e.error().message));
      try {
        const page = await context.newPage();
        await page.goto(lang === 'fa' ? s.url : `${s.url}?lang=en`);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
        // Nothing wider than the phone: no sideways scrolling.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `survey-${lang}-${js ? 'js' : 'nojs'}.png`), fullPage: true });
        const items = await page.locator('fieldset.item').count();
        expect(items).toBe(12);
        for (let i = 0; i < items; i++) {
          const item = page.locator('fieldset.item').nth(i);
          await item.locator(i === 3 ? 'label.opt.dk' : 'label.opt').nth(i === 3 ? 0 : i % 5).click();
        }
        // The honeypot is not there for people.
        expect(await page.locator('input[name=website]').isVisible()).toBe(false);
        await page.locator('button.primary').click();
        await page.waitForURL(/\/thanks/);
        if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `thanks-${lang}-${js ? 'js' : 'nojs'}.png`) });
        expect(await s.submitted()).toBe(1);
        // Back to the link: this browser has answered.
        await page.goto(lang === 'fa' ? s.url : `${s.url}?lang=en`);
        expect(await page.locator('h1').textContent()).toBe(lang === 'fa' ? 'پیش‌تر پاسخ داده‌اید' : 'You have already answered');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await s.close();
      }
    }, 60_000);
});
