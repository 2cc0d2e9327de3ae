import { describe, expect, it } from 'vitest';
import { toJalali } from '../../src/web/app/jalaliDate.js';
import { buildConsultantApp } from './helpers.js';

// Issue 20: the dashboard's customer survey page — open it, its link and QR code, single-use links, and
// the customers' view beside the staff's (nothing of the customers below k).

async function withAssessment() {
  const c = await buildConsultantApp();
  const s = c.session(c.consultant);
  const org = await c.t.call('POST', '/api/v1/organizations', { token: c.consultant, json: { name: { fa: 'شرکت نمونه', en: 'Sample Co.' } } });
  const a = await c.t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token: c.consultant, json: { title: 'دور اول', questionnaireId: 'mehvar-core' } });
  return { c, s, id: a.data.id as string, page: `/app/assessments/${a.data.id}/customers` };
}

describe("the dashboard's customer survey page", () => {
  it('opens the survey, shows its link and QR code, and makes single-use links shown once', async () => {
    const { c, s, id, page } = await withAssessment();
    // Reached from the assessment's page.
    expect(await (await c.get(`/app/assessments/${id}`, s.cookie)).text()).toContain(`href="${page}"`);
    const before = await (await c.get(page, s.cookie)).text();
    expect(before).toContain('id="customer-survey-none"');
    const opened = await c.post(page, { csrf: s.csrf, do: 'open' }, s.cookie);
    expect(opened.status).toBe(303);
    const html = await (await c.get(page, s.cookie)).text();
    const url = /id="customer-link" href="([^"]+)"/.exec(html)![1];
    expect(url).toMatch(/^http:\/\/mehvar\.test\/c\/[\w-]{16}$/);
    expect(html).toContain(`src="${page}/qr.png"`);
    const qr = await c.get(`${page}/qr.png`, s.cookie);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await qr.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const made = await c.post(page, { csrf: s.csrf, do: 'singleUse', count: '۳' }, s.cookie);
    const links = /id="single-use-links">([^<]*)</.exec(await made.text())![1].split('\n');
    expect(links).toHaveLength(3);
    expect((await c.post(page, { csrf: s.csrf, do: 'singleUse', count: '0' }, s.cookie)).status).toBe(422);
    // The API sees the same survey.
    expect((await c.t.call('GET', `/api/v1/assessments/${id}/customer-survey`, { token: c.consultant })).data).toMatchObject({ url, singleUse: { total: 3, used: 0 } });
  });

  it("shows the customers' view beside the staff's only from k customers, ranked by gap", async () => {
    const { c, s, id, page } = await withAssessment();
    const q = c.t.deps.questionnaires.get('mehvar-core')!.definition;
    const responses = Array.from({ length: 5 }, () => ({ role: 'staff', answers: Object.fromEntries(q.items.map((i) => [i.id, i.reverse ? 2 : 4])) }));
    await c.t.call('POST', `/api/v1/assessments/${id}/responses/import`, { token: c.consultant, json: { responses } });
    const link = (await c.t.call('POST', `/api/v1/assessments/${id}/customer-survey`, { token: c.consultant, json: {} })).data.url.split('/c/')[1];
    const answer = (value: number) =>
      c.t.app.request(`/api/v1/customer/${link}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { 'cx.courtesy': value, 'cx.heard': 4 } }) });
    for (let i = 0; i < 4; i++) await answer(2);
    const few = await (await c.get(page, s.cookie)).text();
    expect(few).toContain('id="customer-view-withheld"');
    expect(few).not.toContain('data-factor=');
    await answer(2);
    const html = await (await c.get(`${page}?lang=en`, s.cookie)).text();
    const rows = [...html.matchAll(/data-factor="([^"]+)"/g)].map((m) => m[1]);
    // Courtesy: staff 75, customers 25 — the largest gap; being heard: 75 against 75.
    expect(rows[0]).toBe('cx.courtesy');
    expect(html).toMatch(/data-factor="cx.courtesy">[^]*?<td class="num">75.0<\/td><td class="num">25.0<\/td><td class="num">\+50.0<\/td>/);
    expect(html).toContain('Recommendations for the largest gaps');
    // Linked from the results page.
    expect(await (await c.get(`/app/assessments/${id}/results`, s.cookie)).text()).toContain(`/app/assessments/${id}/customers?lang=fa`);
  });
});

describe("the survey's closing date on the dashboard", () => {
  it('is picked as a Jalali day, shown, and refused in the past (422)', async () => {
    const { c, s, id, page } = await withAssessment();
    await c.post(page, { csrf: s.csrf, do: 'open' }, s.cookie);
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const j = toJalali(day);
    const set = await c.post(page, { csrf: s.csrf, do: 'closes', closesOnYear: String(j.year), closesOnMonth: String(j.month), closesOnDay: String(j.day) }, s.cookie);
    expect(set.status).toBe(303);
    expect((await c.t.call('GET', `/api/v1/assessments/${id}/customer-survey`, { token: c.consultant })).data.closesAt).toBe(new Date(`${day}T23:59:59+03:30`).toISOString());
    expect(await (await c.get(page, s.cookie)).text()).toContain('id="customer-closes"');
    const past = toJalali('2020-01-01');
    const refused = await c.post(page, { csrf: s.csrf, do: 'closes', closesOnYear: String(past.year), closesOnMonth: String(past.month), closesOnDay: String(past.day) }, s.cookie);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('f-closesOn-err');
  });
});

describe("the dashboard's comparison of rounds", () => {
  it("shows the customers' scores per factor in each round and the last change", async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const org = await c.t.call('POST', '/api/v1/organizations', { token: c.consultant, json: { name: { fa: 'شرکت نمونه' } } });
    const q = c.t.deps.questionnaires.get('mehvar-core')!.definition;
    const round = async (title: string, value: number) => {
      const a = await c.t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token: c.consultant, json: { title, questionnaireId: 'mehvar-core' } });
      const responses = Array.from({ length: 5 }, () => ({ role: 'staff', answers: Object.fromEntries(q.items.map((i) => [i.id, 3])) }));
      await c.t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token: c.consultant, json: { responses } });
      const link = (await c.t.call('POST', `/api/v1/assessments/${a.data.id}/customer-survey`, { token: c.consultant })).data.url.split('/c/')[1];
      for (const v of [value, value, value, value, value + 1])
        await c.t.app.request(`/api/v1/customer/${link}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { 'cx.courtesy': v } }) });
      await c.t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token: c.consultant });
      return a.data.id as string;
    };
    const first = await round('round one', 2);
    const second = await round('round two', 4);
    const html = await (await c.get(`/app/organizations/${org.data.id}/compare?lang=en&assessments=${first},${second}`, s.cookie)).text();
    expect(html).toContain('id="customer-trend"');
    // Courtesy: 30.0 (four 2s and a 3), then 80.0 (four 4s and a 5): +50.0, significant.
    expect(html).toMatch(/data-factor="cx.courtesy"><th scope="row">Courtesy<\/th><td class="num">30.0<\/td><td class="num">80.0<\/td><td class="num">\+50.0 \(significant\)<\/td>/);
  });
});
