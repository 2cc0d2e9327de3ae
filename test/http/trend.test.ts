import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp, FIXTURES, type TestApp } from '../helpers.js';

const VERSIONS = path.join(FIXTURES, 'questionnaires-versions');
const ITEMS_V1 = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];

/** Every item answered so that each item score is (v − 1)/4 × 100 (the reverse item gets 6 − v). */
const uniform = (v: number, ids = ITEMS_V1) => ({ role: 'staff', answers: Object.fromEntries(ids.map((id) => [id, id === 'org.bureaucracy' ? 6 - v : v])) });

async function assessment(t: TestApp, token: string, orgId: string, version: number, values: number[], ids?: string[]) {
  const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: `round v${version}`, questionnaireId: 'tiny', questionnaireVersion: version, anonymityThreshold: 3 } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: values.map((v) => uniform(v, ids)) } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
  return a.data.id as string;
}

async function twoRounds() {
  let now = new Date('2026-01-01T00:00:00Z');
  const t = await buildTestApp({ questionnairesDir: VERSIONS, now: () => now });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس' } } });
  const a = await assessment(t, token, org.data.id, 1, [2, 3, 4]);
  now = new Date('2026-07-01T00:00:00Z');
  const b = await assessment(t, token, org.data.id, 1, [3, 4, 5]);
  return { t, token, orgId: org.data.id as string, a, b, setNow: (d: string) => (now = new Date(d)) };
}

describe('trend over repeated assessments', () => {
  it('reports each change with a Welch test (hand-computed)', async () => {
    const { t, token, orgId, a, b } = await twoRounds();
    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=en`, { token });
    expect(res.status).toBe(200);
    expect(res.data.assessments.map((x: any) => x.id)).toEqual([a, b]);
    const process = res.data.dimensions.find((d: any) => d.id === 'process');
    expect(process.points.map((p: any) => p.score)).toEqual([50, 75]);
    // A: 25, 50, 75; B: 50, 75, 100 → Δ 25, SE √(625/3 · 2) = 20.41, t 1.2247, df 4, p 0.2879, d = 25/25
    const [change] = process.changes;
    expect(change).toMatchObject({ from: a, to: b, tested: true, significant: false });
    expect(change.delta).toBeCloseTo(25, 9);
    expect(change.t).toBeCloseTo(1.224745, 5);
    expect(change.df).toBeCloseTo(4, 9);
    expect(change.p).toBeCloseTo(0.287864, 5);
    expect(change.cohensD).toBeCloseTo(1, 9);
    expect(change.ci95[1] - 25).toBeCloseTo(2.776445 * Math.sqrt((625 / 3) * 2), 4);
    expect(res.data.overall.changes[0].delta).toBeCloseTo(25, 9);
    expect(res.data.transitions[0].overall).toMatchObject({ from: 3, to: 4, fromName: 'Defined', toName: 'Managed' });
    expect(res.data.movers.up[0]).toMatchObject({ delta: 25 });
    expect(res.data.compatibility).toMatchObject({ value: 1, versionsDiffer: false, note: null });
  });

  it('answers one point and no change for a single assessment', async () => {
    const { t, token, orgId, a } = await twoRounds();
    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?assessments=${a}`, { token });
    expect(res.status).toBe(200);
    expect(res.data.overall.points).toHaveLength(1);
    expect(res.data.overall.changes).toEqual([]);
  });

  it('compares different versions on their shared items only and says so', async () => {
    const { t, token, orgId, a } = await twoRounds();
    const v2Items = ITEMS_V1.filter((i) => i !== 'cust.process').concat('cust.followup');
    const c = await assessment(t, token, orgId, 2, [5, 5, 4], v2Items);
    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?assessments=${a},${c}&lang=en`, { token });
    expect(res.status).toBe(200);
    expect(res.data.compatibility).toMatchObject({ sharedItems: 5, totalItems: 7, versionsDiffer: true });
    expect(res.data.compatibility.value).toBeCloseTo(5 / 7, 9);
    expect(res.data.compatibility.note).toContain('5 items');
    // process now rests on org.know alone in both rounds: A 25, 50, 75 → 50.
    expect(res.data.dimensions.find((d: any) => d.id === 'process').points[0].score).toBe(50);
  });

  it('refuses with 422 when the versions share too little', async () => {
    const { t, token, orgId, a } = await twoRounds();
    const c = await assessment(t, token, orgId, 3, [3, 3], ['org.know', 'cust.service', 'new.a', 'new.b', 'new.c', 'new.d']);
    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?assessments=${a},${c}`, { token });
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.data.detail).toMatch(/share only 2 of 10 items/);
  });

  it('answers 404 for another organization\'s assessment, an unknown id, or another tenant', async () => {
    const { t, token, orgId, a } = await twoRounds();
    const otherOrg = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'دیگری' } } });
    const foreign = await assessment(t, token, otherOrg.data.id, 1, [3]);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/trend?assessments=${a},${foreign}`, { token })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/trend?assessments=${a},nope`, { token })).status).toBe(404);
    const stranger = await t.consultant('Stranger');
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/trend`, { token: stranger })).status).toBe(404);
  });
});
