import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeReportPool } from '../../src/reports/worker/pool.js';
import { buildTestApp, FIXTURES, type TestApp } from '../helpers.js';

// The action plans in both PDF reports (issue 19), read back with pdftotext. KEEP_ACTIONS_PDF=<dir> keeps them.

const VERSIONS = path.join(FIXTURES, 'questionnaires-versions');
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-actions-'));
afterAll(async () => {
  await closeReportPool();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pdfText(t: TestApp, token: string, url: string, name: string) {
  const res = await t.app.request(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  if (process.env.KEEP_ACTIONS_PDF) fs.copyFileSync(file, path.join(process.env.KEEP_ACTIONS_PDF, name));
  // Flattened: table cells wrap over lines.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(MARKS, '').replace(/\u200C/g, '').replace(/\s+/g, ' ');
}

const answer = (contact: number) => ({ role: 'staff', answers: { 'org.know': 3, 'org.values': 3, 'org.bureaucracy': 3, 'cust.service': 3, 'cust.contact': contact, 'cust.process': 3 } });

/** Two closed rounds of tiny v1: cust.contact 25, 50, 75 → 75, 100, 100, 50 (Δ 31.25, p 0.165, d 1.28). */
async function twoRounds() {
  let now = new Date('2026-01-01T00:00:00Z');
  const t = await buildTestApp({ questionnairesDir: VERSIONS, now: () => now });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' } } });
  const orgId = org.data.id as string;
  const round = async (title: string, contact: number[]) => {
    const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title, questionnaireId: 'tiny', questionnaireVersion: 1, anonymityThreshold: 3 } });
    await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: contact.map(answer) } });
    await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
    return a.data.id as string;
  };
  const a = await round('Round one', [2, 3, 4]);
  const act = (assessmentId: string, json: object) => t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: { assessmentId, owner: 'Sara Ahmadi', dueDate: '2026-05-01', status: 'doing', ...json } });
  await act(a, { title: 'Call back every complaint', itemIds: ['cust.contact'] });
  await act(a, { title: 'تماس هفتگی با مشتریان', section: 'org', status: 'done' });
  now = new Date('2026-07-01T00:00:00Z');
  const b = await round('Round two', [4, 5, 5, 3]);
  await act(b, { title: 'Publish a service charter', dimension: 'culture', status: 'planned', dueDate: '2026-12-31' });
  return { t, token, orgId, a, b };
}

describe('action plans in the PDF reports', () => {
  it("shows the last round's actions with their measured change, and this round's open plan (en and fa)", async () => {
    const { t, token, b } = await twoRounds();
    const en = await pdfText(t, token, `/api/v1/assessments/${b}/report.pdf?lang=en`, 'assessment-en.pdf');
    expect(en).toContain('What changed since the last action plan');
    expect(en).toContain('Call back every');
    // 50.0 → 81.3, Δ +31.3 (95% CI 31.25 ∓ 50.53), p = 0.17, d = 31.25/√593.75 = 1.28.
    expect(en).toContain('50.0 to 81.3 +31.3 -19.3 to +81.8 0.17 1.28');
    expect(en).toContain('Action plan');
    expect(en).toContain('Publish a service charter');
    expect(en).toContain('Planned');

    const fa = await pdfText(t, token, `/api/v1/assessments/${b}/report.pdf?lang=fa`, 'assessment-fa.pdf');
    const plain = (x: string) => x.replace(/\u200C/g, '');
    expect(fa).toContain(plain('آنچه از برنامه‌ی اقدام پیشین تغییر کرد'));
    expect(fa).toContain('تماس هفتگی با مشتریان');
    expect(fa).toContain(plain('انجام‌شده'));
    expect(fa).toContain('۳۱٫۳');
    expect(fa).toContain('۸۱٫۳');
    expect(fa).not.toMatch(/81\.3/);
  }, 60_000);

  it('leaves the sections out where there are no actions, and lists the actions per interval in the comparison', async () => {
    const { t, token, orgId, a } = await twoRounds();
    const first = await pdfText(t, token, `/api/v1/assessments/${a}/report.pdf?lang=en`, 'first-en.pdf');
    // Round one is the first: nothing to measure from, but its open actions are its plan.
    expect(first).not.toContain('What changed since the last action plan');
    expect(first).toContain('Call back every complaint');

    const trend = await pdfText(t, token, `/api/v1/organizations/${orgId}/trend/report.pdf?lang=en`, 'trend-en.pdf');
    expect(trend).toContain('Actions and what they moved');
    expect(trend).toMatch(/From “Round one” \([^)]+\) to “Round two”/);
    expect(trend).toContain('50.0 to 81.3 +31.3 -19.3 to +81.8 0.17 1.28');
    expect(trend).toContain('Publish a service charter');
    const trendFa = await pdfText(t, token, `/api/v1/organizations/${orgId}/trend/report.pdf?lang=fa`, 'trend-fa.pdf');
    expect(trendFa).toContain('اقدام‌ها و آنچه تغییر دادند'.replace(/\u200C/g, ''));
    expect(trendFa).toContain('۳۱٫۳');
  }, 60_000);

  it('draws the report again when an action changes, instead of serving the cached one', async () => {
    const { t, token, orgId, b } = await twoRounds();
    expect(await pdfText(t, token, `/api/v1/assessments/${b}/report.pdf?lang=en`, 'before-en.pdf')).toContain('Publish a service charter');
    const [planned] = (await t.call('GET', `/api/v1/organizations/${orgId}/actions?assessmentId=${b}`, { token })).data.actions;
    expect((await t.call('PATCH', `/api/v1/actions/${planned.id}`, { token, json: { title: 'Publish the charter on the website' } })).status).toBe(200);
    const after = await pdfText(t, token, `/api/v1/assessments/${b}/report.pdf?lang=en`, 'after-en.pdf');
    expect(after).toContain('Publish the charter on the website');
    expect(after).not.toContain('Publish a service charter');
  }, 60_000);
});
