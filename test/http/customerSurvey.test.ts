import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../helpers.js';

// Issue 20: the customer survey beside an assessment — its links, its abuse limits, and the customers' view.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const tokenOf = (url: string) => url.split('/c/')[1];

async function withSurvey(extra: Record<string, unknown> = {}, opts: { now?: () => Date } = {}) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, ...opts });
  const { token, orgId, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core', ...extra });
  const opened = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: {} });
  expect(opened.status).toBe(201);
  return { t, token, orgId, assessmentId, url: opened.data.url as string, link: tokenOf(opened.data.url) };
}

function send(t: TestApp, link: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.request(`/api/v1/customer/${link}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const allAnswered = (value: number | null) => ({
  'cx.product-quality': value, 'cx.service-quality': value, 'cx.after-sales': value, 'cx.flexibility': value,
  'cx.seller-competence': value, 'cx.staff-reliable-friendly': value, 'cx.courtesy': value, 'cx.equal-respect': value,
  'cx.heard': value, 'cx.complaints-handled': value, 'cx.time-respected': value, 'cx.follow-through': value,
});

describe('opening a customer survey', () => {
  it('gives one shareable link, the same again, and single-use links when asked', async () => {
    const { t, token, orgId, assessmentId, url } = await withSurvey();
    expect(url).toMatch(/^http:\/\/mehvar\.test\/c\/[\w-]{16}$/);
    const again = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: { singleUseCount: 2 } });
    expect(again.status).toBe(200);
    expect(again.data.url).toBe(url);
    expect(again.data.singleUse).toHaveLength(2);
    expect(new Set(again.data.singleUse).size).toBe(2);
    const status = await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token });
    expect(status.data).toMatchObject({ url, open: true, submitted: 0, singleUse: { total: 2, used: 0 }, questionnaire: { id: 'mehvar-customer', version: 1 } });
    const audit = await t.call('GET', `/api/v1/audit?organizationId=${orgId}`, { token });
    expect(audit.data.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['customerSurvey.create', 'customerSurvey.update']));
  });

  it('refuses a closing date in the past (422 naming it), a closed assessment (409), a manager (403) and another tenant (404)', async () => {
    const { t, token, orgId, assessmentId } = await withSurvey();
    const past = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: { closesAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(422);
    expect(past.data.errors).toEqual([expect.objectContaining({ path: 'closesAt' })]);
    const other = await t.consultant('Other');
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token: other, json: {} })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey/qr.png`, { token: other })).status).toBe(404);
    const manager = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'm', organizationId: orgId } });
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token: manager.data.token, json: {} })).status).toBe(403);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: {} })).status).toBe(409);
  });

  it('serves the link as a PNG QR code', async () => {
    const { t, token, assessmentId } = await withSurvey();
    const res = await t.app.request(`/api/v1/assessments/${assessmentId}/customer-survey/qr.png?size=256`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(256); // width in the IHDR chunk
  });

  it('opens with no body at all', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const { token, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core' });
    const opened = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token });
    expect(opened.status).toBe(201);
    expect(opened.data.url).toMatch(/\/c\//);
  });

  it('is not a staff questionnaire: not listed, and no assessment can be started on it', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const { token, orgId } = await t.setup({ questionnaireId: 'mehvar-core' });
    const list = await t.call('GET', '/api/v1/questionnaires', { token });
    expect(list.data.questionnaires.map((q: { id: string }) => q.id)).not.toContain('mehvar-customer');
    const started = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: 'x', questionnaireId: 'mehvar-customer' } });
    expect(started.status).toBe(422);
  });
});

describe("a customer's link", () => {
  it('serves the survey in Persian first, and in English', async () => {
    const { t, link } = await withSurvey();
    const fa = await t.call('GET', `/api/v1/customer/${link}`);
    expect(fa.status).toBe(200);
    expect(fa.data).toMatchObject({ organization: 'شرکت نمونه پارس', open: true, used: false, questionnaire: { id: 'mehvar-customer', dir: 'rtl' } });
    const items = fa.data.questionnaire.sections.flatMap((s: { items: unknown[] }) => s.items);
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.length).toBeLessThanOrEqual(15);
    const en = await t.call('GET', `/api/v1/customer/${link}?lang=en`);
    expect(en.data.questionnaire.dir).toBe('ltr');
    expect((await t.call('GET', '/api/v1/customer/not-a-link')).status).toBe(404);
    // The link first: an unknown link is 404 whatever the body.
    expect((await t.call('POST', '/api/v1/customer/not-a-link/responses', { json: { nonsense: true } })).status).toBe(404);
  });

  it('takes one answer per browser: the cookie it sets refuses a second (409)', async () => {
    const { t, token, assessmentId, link } = await withSurvey();
    const first = await send(t, link, { answers: allAnswered(4) });
    expect(first.status).toBe(201);
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^mehvar_c_\w+=1$/);
    const second = await send(t, link, { answers: allAnswered(4) }, { cookie });
    expect(second.status).toBe(409);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data.submitted).toBe(1);
  });

  it('refuses answers off the scale or unknown items (422 naming each) and an empty answer, storing nothing', async () => {
    const { t, token, assessmentId, link } = await withSurvey();
    const bad = await send(t, link, { answers: { 'cx.courtesy': 9, 'nope': 1 } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(['answers.cx.courtesy', 'answers.nope']);
    expect((await send(t, link, { answers: {} })).status).toBe(422);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data.submitted).toBe(0);
  });

  it('answers a filled honeypot as if stored, and stores nothing', async () => {
    const { t, token, assessmentId, link } = await withSurvey();
    const trapped = await send(t, link, { answers: allAnswered(5), website: 'http://spam.example' });
    expect(trapped.status).toBe(201);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data.submitted).toBe(0);
  });

  it('takes one answer through a single-use link', async () => {
    const { t, token, assessmentId } = await withSurvey();
    const made = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: { singleUseCount: 1 } });
    const single = tokenOf(made.data.singleUse[0]);
    expect((await send(t, single, { answers: allAnswered(3) })).status).toBe(201);
    expect((await send(t, single, { answers: allAnswered(3) })).status).toBe(409);
    expect((await t.call('GET', `/api/v1/customer/${single}`)).data.used).toBe(true);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data).toMatchObject({ submitted: 1, singleUse: { total: 1, used: 1 } });
  });

  it('follows the assessment: closed with it (409)', async () => {
    const { t, token, assessmentId, link } = await withSurvey();
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    expect((await t.call('GET', `/api/v1/customer/${link}`)).data.open).toBe(false);
    expect((await send(t, link, { answers: allAnswered(4) })).status).toBe(409);
  });

  it('goes with its assessment when that is deleted: survey, single-use links and customer answers', async () => {
    const { t, token, assessmentId, link } = await withSurvey();
    await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: { singleUseCount: 2 } });
    expect((await send(t, link, { answers: allAnswered(4) })).status).toBe(201);
    const deleted = await t.call('DELETE', `/api/v1/assessments/${assessmentId}?confirm=${encodeURIComponent('ارزیابی ۱۴۰۵')}`, { token });
    expect(deleted.status).toBeLessThan(300);
    for (const table of ['customer_surveys', 'customer_links', 'customer_responses'] as const)
      expect(await t.db.selectFrom(table).selectAll().execute()).toEqual([]);
    expect((await t.call('GET', `/api/v1/customer/${link}`)).status).toBe(404);
  });

  it('closes at its own closing date', async () => {
    let now = new Date('2026-12-01T10:00:00Z');
    const { t, token, assessmentId, link } = await withSurvey({}, { now: () => now });
    await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: { closesAt: '2026-12-02T10:00:00Z' } });
    expect((await send(t, link, { answers: allAnswered(4) })).status).toBe(201);
    now = new Date('2026-12-03T10:00:00Z');
    expect((await send(t, link, { answers: allAnswered(4) })).status).toBe(409);
  });
});

describe('guessing at links', () => {
  it('spends the address\'s failure budget: unknown links are then refused (429), the real one still opens', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, env: { RATE_LIMIT_FAILURES_PER_IP: '3' } });
    const { token, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core' });
    const link = tokenOf((await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token })).data.url);
    for (let i = 0; i < 3; i++) expect((await t.app.request(`/c/guess${i}`)).status).toBe(404);
    expect((await t.app.request('/c/guess-again')).status).toBe(429);
    expect((await t.call('GET', '/api/v1/customer/guess-again')).status).toBe(429);
    expect((await t.app.request(`/c/${link}`)).status).toBe(200);
    expect((await t.call('GET', `/api/v1/customer/${link}`)).status).toBe(200);
  });
});

describe('the per-address limit', () => {
  const trust = process.env.TRUST_PROXY;
  afterEach(() => {
    if (trust === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trust;
  });

  it('stops one address after 20 answers an hour, and never another address', async () => {
    process.env.TRUST_PROXY = '1';
    const { t, link } = await withSurvey();
    for (let i = 0; i < 20; i++) expect((await send(t, link, { answers: allAnswered(4) }, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(201);
    const refused = await send(t, link, { answers: allAnswered(4) }, { 'x-forwarded-for': '203.0.113.7' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same survey still opens there, and other customers still answer.
    expect((await t.app.request(`/api/v1/customer/${link}`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
    expect((await send(t, link, { answers: allAnswered(4) }, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(201);
  });
});

describe("the customers' view in the results", () => {
  /** Five staff answering every item with `staff`; `n` customers answering every item with `customer`. */
  async function measured(staff: number, customer: number, n: number) {
    const s = await withSurvey();
    const q = s.t.deps.questionnaires.get('mehvar-core')!.definition;
    const responses = Array.from({ length: 5 }, (_, r) => ({ role: 'staff', answers: Object.fromEntries(q.items.map((item) => [item.id, item.reverse ? 6 - staff : r === 0 ? staff - 1 : staff])) }));
    expect((await s.t.call('POST', `/api/v1/assessments/${s.assessmentId}/responses/import`, { token: s.token, json: { responses } })).status).toBe(201);
    const before = (await s.t.call('GET', `/api/v1/assessments/${s.assessmentId}/results?lang=en`, { token: s.token })).data;
    for (let i = 0; i < n; i++) expect((await send(s.t, s.link, { answers: allAnswered(customer) })).status).toBe(201);
    const after = (await s.t.call('GET', `/api/v1/assessments/${s.assessmentId}/results?lang=en`, { token: s.token })).data;
    return { ...s, before, after };
  }

  it('shows nothing of the customers below k, only the count', async () => {
    const { after } = await measured(4, 2, 4);
    expect(after.customerView.respondents).toEqual({ submitted: 4, inFigures: 0 });
    expect(after.customerView.factors).toEqual([]);
    expect(after.customerView.recommendations).toEqual([]);
  });

  it('sets staff beside customers per factor: gap = staff − customers, tested with Welch t, and never changes the staff figures', async () => {
    const { before, after } = await measured(4, 2, 5);
    expect(after.dimensions).toEqual(before.dimensions);
    expect(after.respondents).toEqual(before.respondents);
    const courtesy = after.customerView.factors.find((f: { id: string }) => f.id === 'cx.courtesy');
    // Staff: four answered 4 (75) and one 3 (50) on resp.courtesy: mean 70. Customers: five 2s (25).
    expect(courtesy.staff.score).toBeCloseTo(70, 10);
    expect(courtesy.staff.n).toBe(5);
    expect(courtesy.customers).toMatchObject({ score: 25, n: 5 });
    expect(courtesy.gap).toBeCloseTo(45, 10);
    expect(courtesy.name).toBe('Courtesy');
    // Customers all agree (sd 0): Welch's t = 45 / (sd_staff/√5), sd_staff = √((4·5² + 20²)/4) = √125.
    expect(courtesy.t).toBeCloseTo(45 / Math.sqrt(125 / 5), 8);
    expect(courtesy.significant).toBe(true);
    // Equal respect mirrors a reverse staff item: staff answered it 2 (reversed to 75) — high, like the others.
    expect(after.customerView.factors.find((f: { id: string }) => f.id === 'cx.equal-respect').staff.score).toBeGreaterThan(60);
    expect(after.customerView.ranked).toHaveLength(12);
    expect(after.customerView.recommendations).toHaveLength(3);
    expect(after.customerView.recommendations[0].source.title).toMatch(/^Text [1-5]: /);
  });
});
