import { describe, expect, it } from 'vitest';
import { percentileRank } from '../../src/domain/peerStanding.js';
import { buildTestApp, type TestApp } from '../helpers.js';

const uniform = (v: number) => ({ role: 'staff', answers: { 'org.know': v, 'org.values': v, 'org.bureaucracy': 6 - v, 'cust.service': v, 'cust.contact': v, 'cust.process': v } });

async function closedAssessment(t: TestApp, token: string, name: string, value: number) {
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: name } } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: 'x', questionnaireId: 'tiny', anonymityThreshold: 2 } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: [uniform(value), uniform(value)] } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
  return a.data.id as string;
}

describe('benchmark across organizations', () => {
  it('uses mid-ranks for ties', () => {
    expect(percentileRank(50, [10, 50, 90, 30])).toBe(62.5); // 2 below + ½ tie of 4
    expect(percentileRank(null, [1])).toBeNull();
    expect(percentileRank(1, [])).toBeNull();
  });

  it('says it is unavailable with fewer than 5 other organizations', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const id = await closedAssessment(t, token, 'ما', 4);
    for (let i = 0; i < 4; i++) await closedAssessment(t, token, `سازمان ${i}`, 3);
    const res = await t.call('GET', `/api/v1/assessments/${id}/benchmark`, { token });
    expect(res.data).toMatchObject({ available: false, peerOrganizations: 4 });
    // A fifth organization closes its assessment: the answer (cached in memory) follows at once.
    await closedAssessment(t, token, 'سازمان ۵', 3);
    expect((await t.call('GET', `/api/v1/assessments/${id}/benchmark`, { token })).data).toMatchObject({ available: true, peerOrganizations: 5 });
  });

  it('gives percentiles among 5 peers without naming them', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const id = await closedAssessment(t, token, 'ما', 4); // scores 75
    for (const [i, v] of [1, 2, 3, 5, 5].entries()) await closedAssessment(t, token, `سازمان محرمانه ${i}`, v);
    const res = await t.call('GET', `/api/v1/assessments/${id}/benchmark`, { token });
    expect(res.data).toMatchObject({ available: true, peerOrganizations: 5, overall: { score: 75, percentile: 60 } });
    expect(JSON.stringify(res.data)).not.toContain('محرمانه');
    // Another consultant sees none of these organizations: no peers.
    const other = await t.consultant('Other');
    const own = await closedAssessment(t, other, 'دیگر', 3);
    expect((await t.call('GET', `/api/v1/assessments/${own}/benchmark`, { token: other })).data.peerOrganizations).toBe(0);
  });

  it('stores a closed assessment\'s final scores at close and compares from them, not by scoring peers again', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const id = await closedAssessment(t, token, 'ما', 4); // scores 75
    const peers = [];
    for (const [i, v] of [1, 2, 3, 5, 5].entries()) peers.push(await closedAssessment(t, token, `سازمان ${i}`, v));
    const stored = await t.db.selectFrom('final_scores').selectAll().where('assessment_id', '=', peers[0]).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ in_figures: 2, overall: 0, culture: 0, process: 0, interaction: 0 });
    // Were the peers scored again, this row would not matter; it is what the comparison reads.
    await t.db.updateTable('final_scores').set({ overall: 90 }).where('assessment_id', '=', peers[0]).execute();
    const res = await t.call('GET', `/api/v1/assessments/${id}/benchmark`, { token });
    expect(res.data.overall).toEqual({ score: 75, percentile: 40 }); // 25, 50, 100, 100 and 90 (was 0): 2 below
  });
});
