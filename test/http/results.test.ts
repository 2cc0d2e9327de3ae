import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers.js';

// Tiny questionnaire: culture = org.values (weight 2) + org.bureaucracy (reverse); process = org.know +
// cust.process; interaction = cust.service + cust.contact. Item score s = (x − 1)/4 × 100.
const R1 = { role: 'staff', department: 'فروش', answers: { 'org.know': 5, 'org.values': 4, 'org.bureaucracy': 2, 'cust.service': 3, 'cust.contact': 4, 'cust.process': 1 } };
const R2 = { role: 'manager', answers: { 'org.know': 3, 'org.values': 2, 'org.bureaucracy': 4, 'cust.service': 5, 'cust.contact': null, 'cust.process': 2 } };

// k = 2 so two responses are in the figures; test/security/anonymity.attacks.test.ts tests the default k.
async function withResponses(t: TestApp, responses: unknown[], extra: Record<string, unknown> = {}) {
  const s = await t.setup({ anonymityThreshold: 2, ...extra });
  const res = await t.call('POST', `/api/v1/assessments/${s.assessmentId}/responses/import`, { token: s.token, json: { responses } });
  expect(res.status).toBe(201);
  return s;
}

describe('results', () => {
  it('computes dimension, overall and level figures from the answers (hand-computed)', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2]);
    const res = await t.call('GET', `/api/v1/assessments/${assessmentId}/results?lang=en`, { token });
    expect(res.status).toBe(200);
    const r = res.data;
    expect(r).toMatchObject({ assessmentId, questionnaire: { id: 'tiny', version: 1 }, respondents: { submitted: 2, invited: 0, responseRate: null } });
    const dim = Object.fromEntries(r.dimensions.map((d: any) => [d.id, d]));
    // culture: R1 (2·75 + 75)/3 = 75, R2 (2·25 + 25)/3 = 25 → mean 50, sd √(2·25²) = 35.355
    expect(dim.culture.score).toBeCloseTo(50, 9);
    expect(dim.culture.sd).toBeCloseTo(35.3553, 3);
    // CI: 50 ± t(.975,1)=12.706 × 25 × FPC √((40−2)/39) (headcount 40)
    expect(dim.culture.ci95[1] - 50).toBeCloseTo(12.7062 * 25 * Math.sqrt(38 / 39), 1);
    // process: R1 (100 + 0)/2 = 50, R2 (50 + 25)/2 = 37.5
    expect(dim.process.score).toBeCloseTo(43.75, 9);
    // interaction: R2 answered 1 of 2 items (< two-thirds) → no score; R1's (50 + 75)/2 alone would be a
    // score of one person, under k = 2, so it is withheld (domain/anonymity.ts withheldThinScores), and
    // the overall, which needs all three dimensions, is missing too.
    expect(dim.interaction).toMatchObject({ score: null, n: 0, ci95: null, level: null });
    expect(r.overall).toEqual({ score: null, level: null });
    expect(dim.culture.level).toMatchObject({ value: 3, name: 'Defined' });
    expect(dim.culture).toMatchObject({ name: 'Culture', target: null, gap: null });
    const contact = r.items.find((i: any) => i.id === 'cust.contact');
    expect(contact).toMatchObject({ score: 75, n: 1, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0, dontKnow: 1 } });
  });

  it('orders recommendations by weight × (target − score), target 80 without assessment targets', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2]);
    const r = (await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token })).data;
    // Section org: R1 (100 + 2·75 + 75)/4 = 81.25, R2 (50 + 2·25 + 25)/4 = 31.25 → 56.25; mean weight 4/3
    // → priority 4/3 × (80 − 56.25) = 31.67 (high). Item cust.contact 75 → 1 × 5 (low).
    expect(r.recommendations.map((x: any) => [x.id, x.priority])).toEqual([['rec.org', 'high'], ['rec.contact', 'low']]);
    expect(r.recommendations[0].priorityScore).toBeCloseTo((4 / 3) * 23.75, 9);
    expect(r.recommendations[0].text.fa).toBe('اطلاعات مشتریان را گردآوری کنید.');
    expect(r.recommendations[0].source.file).toMatch(/^002_/);
    expect(r.dimensions.find((d: any) => d.id === 'culture').level.name).toBe('تعریف‌شده');
  });

  it('uses the assessment\'s targets for gaps and recommendations', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2], { targets: { interaction: 70, process: 50 } });
    const r = (await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token })).data;
    // The interaction score is withheld (one respondent, see above): its target stands without a gap.
    expect(r.dimensions.find((d: any) => d.id === 'interaction')).toMatchObject({ target: 70, gap: null });
    expect(r.dimensions.find((d: any) => d.id === 'process')).toMatchObject({ target: 50, gap: 6.25 });
    expect(r.recommendations.map((x: any) => x.id)).toEqual(['rec.org']);
  });

  it('suppresses small groups and withholds the perception gap', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2]);
    const r = (await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token })).data;
    expect(r.breakdowns.role).toEqual([
      { group: 'manager', suppressed: true },
      { group: 'staff', suppressed: true },
    ]);
    expect(r.perceptionGap).toBeNull();
  });

  it('answers 200 with n = 0 and nulls for an assessment without responses', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const r = (await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token })).data;
    expect(r.overall).toEqual({ score: null, level: null });
    expect(r.dimensions.every((d: any) => d.n === 0 && d.score === null && d.alpha === null)).toBe(true);
    expect(r.recommendations).toEqual([]);
  });

  it('flags straight-lining and can exclude it', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2]);
    const r = (await t.call('GET', `/api/v1/assessments/${assessmentId}/results?excludeFlagged=true`, { token })).data;
    expect(r.quality).toEqual({ straightLining: 0, flagged: [] });
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/results?excludeFlagged=maybe`, { token })).status).toBe(400);
  });

  it('answers 404 for unknown and other tenants\' assessments and 400 for an unsupported language', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1]);
    const other = await t.consultant('Other');
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token: other })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/assessments/00000000-0000-0000-0000-000000000000/results', { token })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/results?lang=de`, { token })).status).toBe(400);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/export/responses.csv`, { token: other })).status).toBe(404);
  });
});

describe('exports', () => {
  it('writes responses.csv with BOM, NA for don\'t know, and neutralized formulas', async () => {
    const t = await buildTestApp();
    const evil = '=HYPERLINK("http://x")';
    const { token, assessmentId } = await withResponses(
      t,
      [{ ...R1, department: evil }, { ...R1, department: evil }, { ...R2, role: 'staff', department: evil }],
    );
    const res = await t.app.request(`/api/v1/assessments/${assessmentId}/export/responses.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('response_id,role,department,org.know,org.values,org.bureaucracy,cust.service,cust.contact,cust.process');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) {
      expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(line).not.toMatch(/,=/);
    }
    expect(lines.filter((l) => /,3,2,4,5,NA,2$/.test(l))).toHaveLength(1);
  });

  it('leaves a suppressed group\'s department blank', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2]);
    const res = await t.call('GET', `/api/v1/assessments/${assessmentId}/export/responses.csv`, { token });
    expect(res.data).not.toContain('فروش');
  });

  it('writes items.csv with scores and distributions', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await withResponses(t, [R1, R2]);
    const res = await t.call('GET', `/api/v1/assessments/${assessmentId}/export/items.csv`, { token });
    const lines = String(res.data).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('item_id,section,dimension,level,reverse,weight,text_fa,text_en,score,n,count_1');
    expect(lines.find((l) => l.startsWith('cust.contact'))).toMatch(/,75,1,0,0,0,1,0,1,/);
  });
});
