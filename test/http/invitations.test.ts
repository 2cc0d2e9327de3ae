import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

const list = (id: string, query = '') => `/api/v1/assessments/${id}/invitations${query}`;

describe('invitation limits and the paginated list', () => {
  // Issue 15, defect 9: nothing bounded how many links one assessment could have.
  it('caps an assessment at 20,000 links: 422 naming invitations, and nothing created', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (let i = 0; i < 4; i++) expect((await t.call('POST', list(assessmentId), { token, json: { invitations: [{ role: 'staff', count: 4999 }] } })).status).toBe(201);
    const over = await t.call('POST', list(assessmentId), { token, json: { invitations: [{ role: 'manager', count: 3 }, { role: 'staff', count: 2 }] } });
    expect(over.status).toBe(422);
    expect(over.type).toContain('application/problem+json');
    expect(over.data.errors).toEqual([{ path: 'invitations', message: 'asks for 5 more, but the assessment has 19996 of 20000 already' }]);
    const { summary } = (await t.call('GET', list(assessmentId, '?limit=1'), { token })).data;
    expect(summary.total).toBe(19_996);
    expect((await t.call('POST', list(assessmentId), { token, json: { invitations: [{ role: 'manager', count: 4 }] } })).status).toBe(201);
  });

  it('pages through the list with limit and an opaque cursor, each link exactly once, in creation order', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const t = await buildTestApp({ now: () => now });
    const { token, assessmentId } = await t.setup();
    const first = await t.invite(token, assessmentId, 'staff', 7, 'فروش');
    now = new Date('2026-03-02T09:30:00Z');
    const second = await t.invite(token, assessmentId, 'manager', 5);

    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await t.call('GET', list(assessmentId, `?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), { token });
      expect(res.status).toBe(200);
      expect(res.data.summary).toEqual({ total: 12, notStarted: 12, inProgress: 0, submitted: 0 });
      expect(res.data.invitations.length).toBeLessThanOrEqual(4);
      seen.push(...res.data.invitations.map((i: { id: string }) => i.id));
      cursor = res.data.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen.slice(0, 7))).toEqual(new Set(first.map((i) => i.id)));
    expect(new Set(seen.slice(7))).toEqual(new Set(second.map((i) => i.id)));

    const all = await t.call('GET', list(assessmentId), { token });
    expect(all.data.invitations.map((i: { id: string }) => i.id)).toEqual(seen);
    expect(all.data.nextCursor).toBeNull();
  });

  it('refuses a limit beyond 5000 and a cursor it did not make, naming the parameter', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (const [query, path] of [['?limit=5001', 'query.limit'], ['?limit=0', 'query.limit'], ['?cursor=not-ours', 'query.cursor'], [`?cursor=${Buffer.from('{"a":1}').toString('base64url')}`, 'query.cursor'], [`?cursor=${Buffer.from('["2026-01-01T00:00:00.000Z\\u0000","x"]').toString('base64url')}`, 'query.cursor']]) {
      const res = await t.call('GET', list(assessmentId, query), { token });
      expect({ query, status: res.status, paths: res.data.errors?.map((e: { path: string }) => e.path) }).toEqual({ query, status: 400, paths: [path] });
    }
  });

  // Issue 13 (way 4): a submitted link's update time was its submit time, to the millisecond, which matched it to
  // its row in the export. The list now gives status and calendar days only.
  it('gives status and days, never a time of day, for a submitted link', async () => {
    const t = await buildTestApp({ now: () => new Date('2026-03-01T22:10:07.123Z') });
    const { token, assessmentId } = await t.setup();
    const [a] = await t.invite(token, assessmentId, 'staff', 2, 'فروش');
    expect((await t.call('POST', `/api/v1/respond/${a.token}/submit`, { json: { answers: { 'org.know': 4 } } })).status).toBe(200);
    const res = await t.call('GET', list(assessmentId), { token });
    expect(res.status).toBe(200);
    const submitted = res.data.invitations.find((i: { id: string }) => i.id === a.id);
    // 22:10 UTC is already the next day in Iran (UTC+03:30).
    expect(submitted).toEqual({ id: a.id, role: 'staff', department: 'فروش', status: 'submitted', createdOn: '2026-03-02', updatedOn: '2026-03-02' });
    const text = JSON.stringify(res.data);
    expect(text).not.toMatch(/\d{2}:\d{2}/);
    expect(text).not.toMatch(/createdAt|updatedAt|submittedAt/);
  });
});
