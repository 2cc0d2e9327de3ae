import { describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { buildRespondentApp, isChecked } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('respondent pages: welcome and links', () => {
  it('welcomes in Persian, right to left, with the organization, the anonymity rule and Persian digits', async () => {
    const r = await buildRespondentApp();
    const res = await r.app.request(`/r/${r.token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="fa" dir="rtl">/);
    expect(html).toContain('شرکت نمونه پارس');
    expect(html).toContain('ارزیابی ۱۴۰۵');
    expect(html).toContain('دست‌کم ۵ نفر');
    expect(html).toContain('حدود ۱۵ دقیقه');
    expect(html).toContain(`href="/r/${r.token}/s/1"`);
    expect(html).toContain(`href="/r/${r.token}?lang=en"`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    // No inline script or style: the CSP would block them.
    expect(html).not.toMatch(/<script>|<style|style="/);
  });

  it('speaks English with ?lang=en and keeps the language in links and forms', async () => {
    const r = await buildRespondentApp();
    const html = await (await r.app.request(`/r/${r.token}?lang=en`)).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Pars Sample Co.');
    expect(html).toContain('groups of at least 5 people');
    expect(html).toContain(`href="/r/${r.token}/s/1?lang=en"`);
    const section = await (await r.app.request(`/r/${r.token}/s/2?lang=en`)).text();
    expect(section).toContain('Section 2 of 11');
    expect(section).toContain(`action="/r/${r.token}/s/2?lang=en"`);
  });

  it('shows a section with the progress in Persian digits and every radio labelled', async () => {
    const r = await buildRespondentApp();
    const html = await (await r.app.request(`/r/${r.token}/s/2`)).text();
    expect(html).toContain('بخش ۲ از ۱۱');
    expect(html).toContain('۰٪ پاسخ داده شده');
    const ids = [...html.matchAll(/<input type="radio" id="([^"]+)"/g)].map((m) => m[1]);
    // Five scale points, "don't know" and "not applicable" (v2).
    expect(ids).toHaveLength(r.sectionItems[1].length * 7);
    for (const id of ids) expect(html).toContain(`<label class="opt${id.endsWith('-dk') ? ' dk' : id.endsWith('-na') ? ' na' : ''}" for="${id}">`);
    // Reading order: "اصلاً" (1) first in the DOM, so it sits at the right under dir=rtl.
    expect(html.indexOf('>اصلاً<')).toBeLessThan(html.indexOf('>کاملاً<'));
    expect(html).toContain('value="dk"');
    expect(html).toContain('value="na"');
    expect(html).toContain('>مربوط نیست<');
  });

  // Issue 16: "not applicable" is offered where the questionnaire has it (v2), and saved as "na".
  it('saves "not applicable" from a form post and shows it chosen again; v1 pages offer no such answer', async () => {
    const r = await buildRespondentApp();
    const [a, b] = r.sectionItems[0];
    const res = await r.post(`/r/${r.token}/s/1`, [[`a.${a}`, 'na'], [`a.${b}`, 'dk'], ['go', 'next']]);
    expect(res.status).toBe(303);
    expect((await r.draft()).answers).toEqual({ [a]: 'na', [b]: null });
    const again = await (await r.app.request(`/r/${r.token}/s/1?lang=en`)).text();
    expect(isChecked(again, a, 'na')).toBe(true);
    expect(isChecked(again, b, 'dk')).toBe(true);
    expect(again).toContain('>Not applicable<');

    const old = await buildRespondentApp({ version: 1 });
    const html = await (await old.app.request(`/r/${old.token}/s/1`)).text();
    expect(html).not.toContain('value="na"');
    const refused = await old.post(`/r/${old.token}/s/1`, [[`a.${old.sectionItems[0][0]}`, 'na']]);
    expect(refused.status).toBe(422);
    expect((await old.draft()).answers).toEqual({});
  });

  it('gives clear pages for an invalid link, an unknown section and a closed assessment', async () => {
    const r = await buildRespondentApp();
    const bad = await r.app.request('/r/not-a-real-token');
    expect(bad.status).toBe(404);
    const badHtml = await bad.text();
    expect(badHtml).toContain('<html lang="fa" dir="rtl">');
    expect(badHtml).toContain('این پیوند معتبر نیست');
    const badEn = await (await r.app.request('/r/not-a-real-token?lang=en')).text();
    expect(badEn).toContain('This link is not valid');
    expect((await r.app.request(`/r/${r.token}/s/${r.sectionItems.length + 1}`)).status).toBe(404);

    await r.t.call('POST', `/api/v1/assessments/${r.assessmentId}/close`, { token: r.consultant });
    const closed = await r.app.request(`/r/${r.token}`);
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('این ارزیابی بسته شده است');
    const post = await r.post(`/r/${r.token}/s/1?lang=en`, [[`a.${r.sectionItems[0][0]}`, '3']]);
    expect(post.status).toBe(409);
    expect(await post.text()).toContain('This assessment is closed');
    expect((await r.draft()).answers).toEqual({});
  });

  it('serves its own CSS, script and Vazirmatn fonts', async () => {
    const r = await buildRespondentApp();
    const css = await r.app.request('/assets/respond.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('/assets/fonts/Vazirmatn-Regular.woff2');
    const js = await r.app.request('/assets/respond.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('/api/v1/respond/');
    for (const f of ['Vazirmatn-Regular.woff2', 'Vazirmatn-Bold.woff2']) {
      const font = await r.app.request(`/assets/fonts/${f}`);
      expect(font.status).toBe(200);
      expect(font.headers.get('content-type')).toBe('font/woff2');
      expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
  });
});

describe('respondent pages: answering without JavaScript', () => {
  it('saves a form post, redirects to the next section, and shows the saved answers when reopened', async () => {
    const r = await buildRespondentApp();
    const [a, b, c] = r.sectionItems[0];
    const res = await r.post(`/r/${r.token}/s/1`, [[`a.${a}`, '4'], [`a.${b}`, 'dk'], ['comment', 'نظر من'], ['go', 'next']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/r/${r.token}/s/2`);
    expect(await r.draft()).toEqual({ status: 'in_progress', answers: { [a]: 4, [b]: null }, comments: { information: 'نظر من' } });

    const html = await (await r.app.request(`/r/${r.token}/s/1`)).text();
    expect(isChecked(html, a, '4')).toBe(true);
    expect(isChecked(html, a, '3')).toBe(false);
    expect(isChecked(html, b, 'dk')).toBe(true);
    expect(isChecked(html, c, '1')).toBe(false);
    expect(html).toContain('>نظر من</textarea>');
    // Resume goes to the first section with unanswered items: section 1 still has two.
    expect(await (await r.app.request(`/r/${r.token}`)).text()).toContain(`href="/r/${r.token}/s/1"`);
  });

  it('goes back with the Back button, saving too, and resumes at the first incomplete section', async () => {
    const r = await buildRespondentApp();
    await r.post(`/r/${r.token}/s/1`, r.sectionItems[0].map((id) => [`a.${id}`, '5']));
    const back = await r.post(`/r/${r.token}/s/2?lang=en`, [[`a.${r.sectionItems[1][0]}`, '2'], ['go', 'back']]);
    expect(back.headers.get('location')).toBe(`/r/${r.token}/s/1?lang=en`);
    expect((await r.draft()).answers[r.sectionItems[1][0]]).toBe(2);
    const welcome = await (await r.app.request(`/r/${r.token}`)).text();
    expect(welcome).toContain(`href="/r/${r.token}/s/2"`);
    expect(welcome).toContain('ادامه از جایی که ماندید');
  });

  it('re-renders with a clear error and saves nothing for a value off the scale or an unknown item', async () => {
    const r = await buildRespondentApp();
    const [a, b] = r.sectionItems[0];
    const off = await r.post(`/r/${r.token}/s/1`, [[`a.${a}`, '9'], [`a.${b}`, '2']]);
    expect(off.status).toBe(422);
    const html = await off.text();
    expect(html).toContain('پاسخ‌ها ذخیره نشد');
    expect(html).toContain('جزو گزینه‌ها نیست');
    expect(html).toContain(`href="#q-${a}"`);
    expect(isChecked(html, b, '2')).toBe(true); // the valid choice is kept on screen, not in the database
    const unknown = await r.post(`/r/${r.token}/s/1`, [['a.no.such.item', '3']]);
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('no.such.item');
    const word = await r.post(`/r/${r.token}/s/1?lang=en`, [[`a.${a}`, 'five']]);
    expect(await word.text()).toContain('not one of the options');
    expect(await r.draft()).toEqual({ status: 'not_started', answers: {}, comments: {} });
  });

  it('escapes a <script> comment when showing it again, after saving and after an error', async () => {
    const r = await buildRespondentApp();
    const evil = '<script>alert(1)</script>';
    await r.post(`/r/${r.token}/s/1`, [['comment', evil]]);
    const html = await (await r.app.request(`/r/${r.token}/s/1`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(html).not.toContain(evil);
    const err = await (await r.post(`/r/${r.token}/s/1`, [['comment', `${evil}x`], [`a.${r.sectionItems[0][0]}`, '7']])).text();
    expect(err).toContain('&lt;script&gt;alert(1)&lt;/script&gt;x</textarea>');
    expect(err).not.toContain(evil);
  });

  it('refuses a post from another site with 403 and accepts our own origin', async () => {
    const r = await buildRespondentApp();
    const id = r.sectionItems[0][0];
    const cross = await r.post(`/r/${r.token}/s/1`, [[`a.${id}`, '3']], { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect((await r.draft()).answers).toEqual({});
    const nullOrigin = await r.post(`/r/${r.token}/s/1`, [[`a.${id}`, '3']], { origin: 'null', 'sec-fetch-site': 'cross-site' });
    expect(nullOrigin.status).toBe(403);
    const own = await r.post(`http://mehvar.test/r/${r.token}/s/1`, [[`a.${id}`, '3']], { origin: 'http://mehvar.test' });
    expect(own.status).toBe(303);
    expect((await r.draft()).answers).toEqual({ [id]: 3 });
  });

  it('submits from the last section, thanks, and a second submit keeps the same single response', async () => {
    const r = await buildRespondentApp();
    const last = r.sectionItems.length;
    const lastPage = await (await r.app.request(`/r/${r.token}/s/${last}`)).text();
    expect(lastPage).toContain('value="submit"');
    expect(lastPage).toContain('به ۰ پرسش از ۷۴ پرسش پاسخ داده‌اید');
    await r.post(`/r/${r.token}/s/1`, [[`a.${r.sectionItems[0][0]}`, '4']]);
    const tapped = await r.post(`/r/${r.token}/s/${last}`, [[`a.${r.sectionItems[last - 1][0]}`, 'dk'], ['go', 'submit']]);
    // 2 of 74 answered: a page says what that means first; the answers are saved, nothing is submitted.
    expect(tapped.headers.get('location')).toBe(`/r/${r.token}/confirm`);
    expect(await r.t.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
    const warning = await (await r.app.request(`/r/${r.token}/confirm`)).text();
    expect(warning).toContain('به ۲ پرسش از ۷۴ پرسش (۳٪) پاسخ داده‌اید؛ کمتر از دوسوم.');
    expect(warning).toMatch(/<form method="post" action="\/r\/[^"]+\/submit"><input type="hidden" name="confirm" value="1"\/>/);
    const res = await r.post(`/r/${r.token}/submit`, [['confirm', '1']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/r/${r.token}/done`);
    const done = await r.app.request(`/r/${r.token}/done`);
    expect(await done.text()).toContain('سپاس از شما');

    const again = await r.app.request(`/r/${r.token}/submit`, { method: 'POST', headers: FORM });
    expect(again.headers.get('location')).toBe(`/r/${r.token}/done`);
    const rows = await r.t.db.selectFrom('responses').selectAll().execute();
    expect(rows).toHaveLength(1);
    const answers = Array.from(decodeAnswers(rows[0].answers));
    expect(answers[0]).toBe(4);
    expect(answers[r.q.items.findIndex((i) => i.id === r.sectionItems[last - 1][0])]).toBe(DONT_KNOW);
    expect(answers.filter((x) => x === UNANSWERED)).toHaveLength(r.q.items.length - 2);
    expect(await (await r.app.request(`/r/${r.token}`)).text()).toContain('پاسخ‌ها پیش‌تر ثبت شده است');
    const late = await r.post(`/r/${r.token}/s/1`, [[`a.${r.sectionItems[0][0]}`, '1']]);
    expect(late.headers.get('location')).toBe(`/r/${r.token}/done`);
    expect((await r.t.db.selectFrom('responses').select('answers').executeTakeFirstOrThrow()).answers).toBe(rows[0].answers);
  });

  it('does not submit an empty questionnaire', async () => {
    const r = await buildRespondentApp();
    const res = await r.app.request(`/r/${r.token}/submit?lang=en`, { method: 'POST', headers: FORM });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Please answer at least one question');
    expect(await r.t.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });
});

describe('respondent pages: nothing lost without JavaScript', () => {
  it('saves the page before switching language or following a review link, both submit buttons of its form', async () => {
    const r = await buildRespondentApp();
    const last = r.sectionItems.length;
    const page = await (await r.app.request(`/r/${r.token}/s/1`)).text();
    // The switch is a button of the answers form; a hidden default comes first so Enter still goes forward.
    expect(page).toMatch(/<button type="submit" form="answers" name="go" value="enter" class="sr-only"[^>]*>[^<]*<\/button><button type="submit" form="answers" name="go" value="lang" class="lang-switch"/);
    const [first, second] = r.sectionItems[0];
    const switched = await r.post(`/r/${r.token}/s/1`, [[`a.${first}`, '5'], ['go', 'lang']]);
    expect(switched.headers.get('location')).toBe(`/r/${r.token}/s/1?lang=en`);
    expect((await r.draft()).answers).toEqual({ [first]: 5 });
    const back = await r.post(`/r/${r.token}/s/1?lang=en`, [[`a.${second}`, '2'], ['go', 'lang']]);
    expect(back.headers.get('location')).toBe(`/r/${r.token}/s/1`);
    // Enter submits the hidden default: forward, as the Next button does.
    expect((await r.post(`/r/${r.token}/s/1`, [['go', 'enter']])).headers.get('location')).toBe(`/r/${r.token}/s/2`);

    const review = await (await r.app.request(`/r/${r.token}/s/${last}`)).text();
    expect(review).toContain('<button type="submit" name="go" value="s2" class="link">');
    const lastItem = r.sectionItems[last - 1][0];
    const followed = await r.post(`/r/${r.token}/s/${last}`, [[`a.${lastItem}`, '3'], ['go', 's2']]);
    expect(followed.headers.get('location')).toBe(`/r/${r.token}/s/2`);
    expect((await r.draft()).answers).toEqual({ [first]: 5, [second]: 2, [lastItem]: 3 });
  });

  it('submits at once, without the warning, from two-thirds answered', async () => {
    const r = await buildRespondentApp();
    const all = r.sectionItems.flat();
    const enough = all.slice(0, Math.ceil((all.length * 2) / 3));
    for (const [i, items] of r.sectionItems.entries()) {
      const mine = items.filter((id) => enough.includes(id)).map((id) => [`a.${id}`, '4'] as [string, string]);
      await r.post(`/r/${r.token}/s/${i + 1}`, mine);
    }
    const res = await r.post(`/r/${r.token}/s/${r.sectionItems.length}`, [['go', 'submit']]);
    expect(res.headers.get('location')).toBe(`/r/${r.token}/done`);
  });
});
