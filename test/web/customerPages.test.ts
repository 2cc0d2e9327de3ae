import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

// Issue 20: the customer's page at /c/{token}: one short form, Persian first, working without JavaScript.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');

async function survey() {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const { token, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core' });
  const opened = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: {} });
  const link = opened.data.url.split('/c/')[1] as string;
  const count = async () => (await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data.submitted as number;
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}, lang = '') =>
    t.app.request(`/c/${link}${lang}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
  return { t, token, assessmentId, link, count, post };
}

describe('the customer page', () => {
  it('is one Persian, right-to-left form with every question, "don\'t know", and a hidden honeypot', async () => {
    const { t, link } = await survey();
    const res = await t.app.request(`/c/${link}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html.match(/<fieldset/g)).toHaveLength(12);
    expect(html.match(/value="dk"/g)).toHaveLength(12);
    expect(html).toMatch(/<p hidden="" aria-hidden="true">[^]*name="website"/);
    expect(html).toContain('نظر شما درباره‌ی ما');
    expect(html).toContain(`action="/c/${link}"`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const en = await (await t.app.request(`/c/${link}?lang=en`)).text();
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).toContain('What you think of us');
  });

  it('stores a posted form, thanks the customer, and then tells this browser it already answered', async () => {
    const { t, link, count, post } = await survey();
    const res = await post({ 'a.cx.courtesy': '4', 'a.cx.heard': 'dk', website: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/c/${link}/thanks`);
    expect(await count()).toBe(1);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const thanks = await (await t.app.request(`/c/${link}/thanks`)).text();
    expect(thanks).toContain('سپاس‌گزاریم');
    const again = await (await t.app.request(`/c/${link}`, { headers: { cookie } })).text();
    expect(again).toContain('پیش‌تر پاسخ داده‌اید');
    expect((await post({ 'a.cx.courtesy': '4' }, { cookie })).status).toBe(200);
    expect(await count()).toBe(1);
  });

  it('shows the form again with a message when nothing is answered, or an answer is off the scale (422)', async () => {
    const { count, post } = await survey();
    const empty = await post({ website: '' }, {}, '?lang=en');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Answer at least one question.');
    const off = await post({ 'a.cx.courtesy': '7', 'a.cx.heard': '5' }, {}, '?lang=en');
    expect(off.status).toBe(422);
    const html = await off.text();
    expect(html).toContain('href="#q-cx.courtesy"');
    // The well-formed answer is kept on the page.
    expect(html).toMatch(/id="q-cx.heard-5" name="a.cx.heard" value="5" checked=""/);
    expect(await count()).toBe(0);
  });

  it('thanks a bot that filled the honeypot and stores nothing', async () => {
    const { count, post } = await survey();
    expect((await post({ 'a.cx.courtesy': '5', website: 'http://spam.example' })).status).toBe(303);
    expect(await count()).toBe(0);
  });

  it('refuses a post from another site (403), and says so for a closed survey (409) or an unknown link (404)', async () => {
    const { t, token, assessmentId, link, count, post } = await survey();
    expect((await post({ 'a.cx.courtesy': '5' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await t.app.request('/c/no-such-link')).status).toBe(404);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    const closed = await t.app.request(`/c/${link}`);
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('نظرسنجی بسته شده است');
    expect(await count()).toBe(0);
  });
});
