import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp, FIXTURES, type TestApp } from '../helpers.js';

const VERSIONS = path.join(FIXTURES, 'questionnaires-versions');

/** Every item answered 3 (item score 50) except cust.contact, answered `contact`. */
const answer = (contact: number, version: number) => ({
  role: 'staff',
  answers: { 'org.know': 3, 'org.values': 3, 'org.bureaucracy': 3, 'cust.service': 3, 'cust.contact': contact, [version === 1 ? 'cust.process' : 'cust.followup']: 3 },
});

async function round(t: TestApp, token: string, orgId: string, version: number, contact: number[]) {
  const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: `round v${version}`, questionnaireId: 'tiny', questionnaireVersion: version, anonymityThreshold: 3 } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: contact.map((v) => answer(v, version)) } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
  return a.data.id as string;
}

async function world() {
  let now = new Date('2026-01-01T00:00:00Z');
  const t = await buildTestApp({ questionnairesDir: VERSIONS, now: () => now });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس' } } });
  const orgId = org.data.id as string;
  // cust.contact item scores: A 25, 50, 75 (mean 50, sd 25); B 75, 100, 100, 50 (mean 81.25, sd 23.94).
  const a = await round(t, token, orgId, 1, [2, 3, 4]);
  const act = (json: object) => t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: { assessmentId: a, title: 'x', owner: 'Sara', dueDate: '2026-05-01', status: 'doing', ...json } });
  return { t, token, orgId, a, act, later: (iso: string) => (now = new Date(iso)) };
}

// Welch by hand for A = (25, 50, 75), B = (75, 100, 100, 50): Δ = 31.25; SE² = 625/3 + 572.917/4 = 351.5625, SE = 18.75;
// t = 1.66667; df = SE⁴ / ((625/3)²/2 + (572.917/4)²/3) = 4.330693; p = 0.165434 (scipy.stats.ttest_ind, equal_var=False);
// s_p = √((2·625 + 3·572.917)/5) = √593.75, d = 31.25/24.3670 = 1.28247; CI half-width t(0.975, 4.3307)·18.75 = 50.52747.
const WELCH = { t: 5 / 3, df: 4.330693069306931, p: 0.16543379936452318, d: 31.25 / Math.sqrt(593.75), half: 50.527468710062365 };

describe("the trend's actions", () => {
  it("measures each target's change to the next assessment with Welch's t and Cohen's d (hand-computed)", async () => {
    const { t, token, orgId, a, act, later } = await world();
    const item = await act({ itemIds: ['cust.contact'] });
    const section = await act({ section: 'cust' });
    const dimension = await act({ dimension: 'interaction' });
    later('2026-07-01T00:00:00Z');
    const b = await round(t, token, orgId, 1, [4, 5, 5, 3]);

    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=en`, { token });
    expect(res.status).toBe(200);
    const byId = new Map(res.data.actions.map((x: any) => [x.id, x]));
    const i = byId.get(item.data.id) as any;
    expect(i).toMatchObject({ assessmentId: a, status: 'doing', overdue: true, measurement: { status: 'measured', nextAssessmentId: b, missingItems: [], note: null } });
    expect(i.target).toMatchObject({ kind: 'items', itemIds: ['cust.contact'] });
    expect(i.change).toMatchObject({ tested: true, significant: false, n: { from: 3, to: 4 } });
    expect(i.change.from).toBeCloseTo(50, 9);
    expect(i.change.to).toBeCloseTo(81.25, 9);
    expect(i.change.delta).toBeCloseTo(31.25, 9);
    expect(i.change.t).toBeCloseTo(WELCH.t, 9);
    expect(i.change.df).toBeCloseTo(WELCH.df, 9);
    expect(i.change.p).toBeCloseTo(WELCH.p, 6);
    expect(i.change.d).toBeCloseTo(WELCH.d, 9);
    expect(i.change.ci95[0]).toBeCloseTo(31.25 - WELCH.half, 5);
    expect(i.change.ci95[1]).toBeCloseTo(31.25 + WELCH.half, 5);

    // The section's other two items are constant (50), so each respondent's section score is 100/3 + contact/3:
    // A 41.67, 50, 58.33 → B 58.33, 66.67, 66.67, 50: every figure a third of the item's, t and p the same.
    const s = (byId.get(section.data.id) as any).change;
    expect(s.delta).toBeCloseTo(31.25 / 3, 9);
    expect(s.t).toBeCloseTo(WELCH.t, 9);
    expect(s.p).toBeCloseTo(WELCH.p, 6);
    expect(s.d).toBeCloseTo(WELCH.d, 9);
    // interaction = cust.service (50) and cust.contact: halves; it agrees with the trend's own series.
    const d = (byId.get(dimension.data.id) as any).change;
    expect(d.delta).toBeCloseTo(31.25 / 2, 9);
    const series = res.data.dimensions.find((x: any) => x.id === 'interaction').changes[0];
    expect(d.delta).toBeCloseTo(series.delta, 9);
    expect(d.p).toBeCloseTo(series.p, 9);
    expect(d.d).toBeCloseTo(series.cohensD, 9);
  });

  it('says a targeted item is gone from the next version instead of guessing', async () => {
    const { t, token, orgId, act, later } = await world();
    const gone = await act({ itemIds: ['cust.contact', 'cust.process'] });
    later('2026-07-01T00:00:00Z');
    await round(t, token, orgId, 2, [4, 5, 5, 3]);
    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=en`, { token });
    const x = res.data.actions.find((y: any) => y.id === gone.data.id);
    expect(x.change).toBeNull();
    expect(x.measurement).toMatchObject({ status: 'itemsMissing', missingItems: ['cust.process'] });
    expect(x.measurement.note).toContain('cust.process');
  });

  it('computes no change from a round below the anonymity threshold, and none without a next round', async () => {
    const { t, token, orgId, act, later } = await world();
    const x = await act({ itemIds: ['cust.contact'] });
    let res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=fa`, { token });
    expect(res.data.actions[0]).toMatchObject({ change: null, measurement: { status: 'noNextAssessment', nextAssessmentId: null } });
    later('2026-07-01T00:00:00Z');
    await round(t, token, orgId, 1, [5, 5]); // 2 responses, k = 3
    res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=fa`, { token });
    const y = res.data.actions.find((z: any) => z.id === x.data.id);
    expect(y.change).toBeNull();
    expect(y.measurement.status).toBe('notDisclosed');
  });
});
