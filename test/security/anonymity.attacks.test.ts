import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers.js';

// The six ways ../shared/notes/anonymity.md found to single respondents out, each written as the
// attacker's script against the API. Each was checked to succeed against the code before the anonymity
// module (commit message). The same file runs on PostgreSQL through scripts/with-postgres.sh.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const DIMS = ['culture', 'process', 'interaction'] as const;

async function core(t: TestApp, k = 5) {
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت آزمون' }, headcount: 200 } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: 'دور ۱', questionnaireId: 'mehvar-core', anonymityThreshold: k } });
  expect(a.status).toBe(201);
  const items = (await t.call('GET', '/api/v1/questionnaires/mehvar-core', { token })).data.items.map((i: { id: string }) => i.id) as string[];
  return { token, orgId: org.data.id as string, id: a.data.id as string, items };
}

/** A varied answer set (never straight-lined unless `flat`), different per seed. */
function answers(items: string[], seed: number, flat?: number) {
  return Object.fromEntries(items.map((id, i) => [id, flat ?? 1 + ((seed * 7 + i * i + i * (1 + (seed % 3))) % 5)]));
}

type Person = { role: 'manager' | 'staff'; department?: string; flat?: number };
const people = (n: number, p: Person) => Array.from({ length: n }, () => p);

async function importPeople(t: TestApp, s: Awaited<ReturnType<typeof core>>, list: Person[], seed0 = 0) {
  const responses = list.map((p, i) => ({ role: p.role, ...(p.department && { department: p.department }), answers: answers(s.items, seed0 + i, p.flat) }));
  const res = await t.call('POST', `/api/v1/assessments/${s.id}/responses/import`, { token: s.token, json: { responses } });
  expect(res.status).toBe(201);
}

async function submitThroughLink(t: TestApp, s: Awaited<ReturnType<typeof core>>, p: Person, seed: number) {
  const [link] = await t.invite(s.token, s.id, p.role, 1, p.department);
  const res = await t.call('POST', `/api/v1/respond/${link.token}/submit`, { json: { answers: answers(s.items, seed) } });
  expect(res.status).toBe(200);
  return { linkId: link.id, responseId: res.data.responseId as string };
}

const results = async (t: TestApp, s: { token: string; id: string }, query = '') => t.call('GET', `/api/v1/assessments/${s.id}/results${query}`, { token: s.token });
const csvRows = async (t: TestApp, s: { token: string; id: string }) => {
  const res = await t.call('GET', `/api/v1/assessments/${s.id}/export/responses.csv`, { token: s.token });
  expect(res.status).toBe(200);
  const lines = String(res.data).replace(/^\uFEFF/, '').trim().split('\r\n');
  return lines.slice(1).map((l) => l.split(','));
};

/** Every respondent-set size a breakdown lets one compute: each group shown, and overall minus them. */
function derivableSizes(r: any): number[] {
  const sizes: number[] = [];
  for (const kind of ['role', 'department'] as const) {
    const shown = r.breakdowns[kind].filter((g: any) => !g.suppressed);
    for (const dim of DIMS) {
      const overall = r.dimensions.find((d: any) => d.id === dim).n;
      const parts = shown.map((g: any) => g.dimensions.find((d: any) => d.id === dim).n);
      sizes.push(...parts, overall - parts.reduce((a: number, b: number) => a + b, 0));
    }
  }
  return sizes;
}

describe('anonymity against a determined reader', () => {
  it('1. shows no figure with fewer than k submissions, anywhere', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    await importPeople(t, s, people(3, { role: 'staff', department: 'فروش' }));
    const r = (await results(t, s)).data;
    expect(r.respondents.submitted).toBe(3);
    expect(r.snapshot).toMatchObject({ figuresShown: false, inFigures: 0, pending: 3, nextUpdateAfter: 2 });
    expect(r.overall).toEqual({ score: null, level: null });
    expect(r.dimensions).toEqual([]);
    expect(r.items).toEqual([]);
    expect(r.sections).toEqual([]);
    expect(r.breakdowns).toEqual({ role: [], department: [] });
    expect(r.recommendations).toEqual([]);
    expect(await csvRows(t, s)).toEqual([]);
    const items = await t.call('GET', `/api/v1/assessments/${s.id}/export/items.csv`, { token: s.token });
    // Every item is listed, but score, n and counts are empty: not one digit after the weight column.
    const rows = String(items.data).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    expect(rows.length).toBe(s.items.length);
    for (const row of rows) expect(row).toMatch(/,,,,,,,,,$/);
  });

  it('2. never lets overall minus the visible departments isolate fewer than k (two small departments)', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    // Two departments under k hold 4 together, and no third is hidden with them.
    await importPeople(t, s, [
      ...people(6, { role: 'staff', department: 'فروش' }),
      ...people(5, { role: 'staff', department: 'مالی' }),
      ...people(2, { role: 'staff', department: 'تولید' }),
      ...people(2, { role: 'staff', department: 'انبار' }),
    ]);
    const r = (await results(t, s)).data;
    for (const n of derivableSizes(r)) expect(n === 0 || n >= 5, `a derivable group of ${n}`).toBe(true);
    expect(r.breakdowns.department.some((g: any) => !g.suppressed)).toBe(true);
  });

  it('2b. counts respondents without a department as a group of their own', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    await importPeople(t, s, [...people(6, { role: 'staff', department: 'فروش' }), ...people(6, { role: 'staff', department: 'مالی' }), { role: 'staff' }]);
    const r = (await results(t, s)).data;
    for (const n of derivableSizes(r)) expect(n === 0 || n >= 5, `a derivable group of ${n}`).toBe(true);
  });

  it('3. shows no role × department combination in the row export held by fewer than k rows', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    // The only manager of فروش, among enough staff of فروش and managers elsewhere for both to be shown alone.
    await importPeople(t, s, [
      ...people(1, { role: 'manager', department: 'فروش' }),
      ...people(6, { role: 'staff', department: 'فروش' }),
      ...people(5, { role: 'manager', department: 'مالی' }),
      ...people(5, { role: 'staff', department: 'مالی' }),
    ]);
    const rows = await csvRows(t, s);
    expect(rows).toHaveLength(17);
    const combos = new Map<string, number>();
    for (const row of rows) combos.set(`${row[1]}|${row[2]}`, (combos.get(`${row[1]}|${row[2]}`) ?? 0) + 1);
    for (const [combo, n] of combos) expect(n, `combination ${combo}`).toBeGreaterThanOrEqual(5);
    // The breakdowns agree with the rows: a department's n is the rows showing it.
    const r = (await results(t, s)).data;
    for (const g of r.breakdowns.department.filter((x: any) => !x.suppressed))
      expect(g.n).toBe(rows.filter((row) => row[2] === g.group).length);
  });

  it('4. gives no submit time finer than the day, and no row order that follows submission', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    const submitted = [];
    for (let i = 0; i < 8; i++) submitted.push(await submitThroughLink(t, s, { role: 'staff', department: 'فروش' }, i));
    const list = await t.call('GET', `/api/v1/assessments/${s.id}/invitations`, { token: s.token });
    expect(JSON.stringify(list.data)).not.toMatch(/T\d\d:\d\d/);
    const rows = await csvRows(t, s);
    const ids = rows.map((r) => r[0]);
    expect(ids).not.toEqual(submitted.map((x) => x.responseId));
    // The order is that of a hash keyed by the assessment: it depends on the ids alone, which are random.
    const key = (id: string) => createHash('sha256').update(s.id).update('\u0000').update(id).digest('hex');
    expect(ids).toEqual([...ids].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('5. refuses excludeFlagged when it would leave out fewer than k people of any group', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    await importPeople(t, s, [...people(9, { role: 'staff', department: 'فروش' }), { role: 'staff', department: 'فروش', flat: 3 }]);
    const refused = await results(t, s, '?excludeFlagged=true');
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.data.errors[0].path).toBe('excludeFlagged');
    expect(refused.data.detail).toMatch(/fewer than 5/);
    const all = await results(t, s);
    expect(all.status).toBe(200);
    expect(all.data.quality.straightLining).toBe(1);
  });

  it('5b. honours excludeFlagged when it leaves out 0 people, or k or more in every group', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    await importPeople(t, s, [...people(6, { role: 'staff', department: 'فروش' }), ...people(5, { role: 'staff', department: 'فروش', flat: 4 })]);
    const r = await results(t, s, '?excludeFlagged=true');
    expect(r.status).toBe(200);
    expect(r.data.dimensions[0].n).toBe(6);
  });

  it('6. does not move the figures for one new submission on an open assessment, only for k', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    for (let i = 0; i < 5; i++) await submitThroughLink(t, s, { role: 'staff' }, i);
    const before = (await results(t, s)).data;
    const csvBefore = await csvRows(t, s);
    expect(before.snapshot).toMatchObject({ inFigures: 5, pending: 0, nextUpdateAfter: 5 });
    await submitThroughLink(t, s, { role: 'staff' }, 99);
    const after = (await results(t, s)).data;
    expect(after.respondents.submitted).toBe(6);
    expect(after.snapshot).toMatchObject({ inFigures: 5, pending: 1, nextUpdateAfter: 4 });
    for (const key of ['overall', 'dimensions', 'levels', 'sections', 'items', 'breakdowns', 'perceptionGap', 'quality'])
      expect(after[key], key).toEqual(before[key]);
    expect(await csvRows(t, s)).toEqual(csvBefore);
    for (let i = 0; i < 4; i++) await submitThroughLink(t, s, { role: 'staff' }, 100 + i);
    const moved = (await results(t, s)).data;
    expect(moved.snapshot).toMatchObject({ inFigures: 10, pending: 0 });
  });

  it('6b. keeps the last 1..k−1 out of the final figures when earlier figures were shown, and says so', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    for (let i = 0; i < 5; i++) await submitThroughLink(t, s, { role: 'staff' }, i);
    const shown = (await results(t, s)).data;
    await submitThroughLink(t, s, { role: 'staff' }, 50);
    await submitThroughLink(t, s, { role: 'staff' }, 51);
    const closed = await t.call('POST', `/api/v1/assessments/${s.id}/close`, { token: s.token });
    expect(closed.status).toBe(200);
    expect(closed.data.figures).toEqual({ inFigures: 5, leftOut: 2 });
    const final = (await results(t, s)).data;
    expect(final.snapshot).toMatchObject({ final: true, inFigures: 5, pending: 2, nextUpdateAfter: null });
    expect(final.items).toEqual(shown.items);
  });

  it('6c. takes every response into the final figures when none were shown while it was open', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    for (let i = 0; i < 7; i++) await submitThroughLink(t, s, { role: 'staff' }, i);
    // Nobody read the results while the assessment was open.
    await t.call('POST', `/api/v1/assessments/${s.id}/close`, { token: s.token });
    expect((await results(t, s)).data.snapshot).toMatchObject({ final: true, inFigures: 7, pending: 0 });
  });

  // A dimension, level or section score exists only for those who answered two-thirds of its items, so its n
  // can fall below a group's size: "the same for every dimension/section n" (anonymity.md, Groups).
  const dontKnowOn = (s: Awaited<ReturnType<typeof core>>, dimension: string) => async (t: TestApp) =>
    ((await t.call('GET', '/api/v1/questionnaires/mehvar-core', { token: s.token })).data.items as Array<{ id: string; dimension: string }>)
      .filter((i) => i.dimension === dimension).map((i) => i.id);
  const everyN = (r: any) => [...r.dimensions, ...r.levels, ...r.sections].map((g: any) => [g.id, g.n] as const);

  it('7. shows no dimension score of fewer than k inside a shown group, nor by subtraction (most of a department answered "don\'t know")', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    const process = new Set(await dontKnowOn(s, 'process')(t));
    // Department A: 6 people, 4 of whom answered "don't know" to every process item; B: 6 who answered all.
    const responses = [
      ...Array.from({ length: 6 }, (_, i) => ({ role: 'staff', department: 'A', answers: Object.fromEntries(Object.entries(answers(s.items, i)).map(([id, v]) => [id, i >= 2 && process.has(id) ? null : v])) })),
      ...Array.from({ length: 6 }, (_, i) => ({ role: 'staff', department: 'B', answers: answers(s.items, 10 + i) })),
    ];
    expect((await t.call('POST', `/api/v1/assessments/${s.id}/responses/import`, { token: s.token, json: { responses } })).status).toBe(201);
    const r = (await results(t, s)).data;
    for (const n of derivableSizes(r)) expect(n === 0 || n >= 5, `a derivable group of ${n}`).toBe(true);
    for (const [id, n] of everyN(r)) expect(n === 0 || n >= 5, `${id}: n = ${n}`).toBe(true);
    expect(r.breakdowns.department.filter((g: any) => !g.suppressed).map((g: any) => g.group)).toEqual(['A', 'B']);
  });

  it('7b. does not let two snapshots differ by 1..k−1 in any dimension, level or section n', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    const process = new Set(await dontKnowOn(s, 'process')(t));
    await importPeople(t, s, people(5, { role: 'staff' }));
    const before = (await results(t, s)).data;
    // The next five: four answer "don't know" to every process item, so only one of them has a process score.
    const next = Array.from({ length: 5 }, (_, i) => ({ role: 'staff', answers: Object.fromEntries(Object.entries(answers(s.items, 20 + i)).map(([id, v]) => [id, i >= 1 && process.has(id) ? null : v])) }));
    expect((await t.call('POST', `/api/v1/assessments/${s.id}/responses/import`, { token: s.token, json: { responses: next } })).status).toBe(201);
    const after = (await results(t, s)).data;
    expect(after.snapshot).toMatchObject({ inFigures: 10 });
    const was = new Map(everyN(before));
    for (const [id, n] of everyN(after)) {
      const moved = n - (was.get(id) ?? 0);
      expect(moved === 0 || moved >= 5, `${id}: ${was.get(id)} → ${n}`).toBe(true);
    }
  });

  it('counts an organization below k nowhere in another\'s benchmark', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const s = await core(t);
    const token = s.token;
    for (let o = 0; o < 5; o++) {
      const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: `سازمان ${o}` } } });
      const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: 'x', questionnaireId: 'mehvar-core' } });
      // Four peers with 5 responses, one with 3 (under its k of 5).
      await importPeople(t, { ...s, id: a.data.id }, people(o === 4 ? 3 : 5, { role: 'staff' }), o * 10);
      await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
    }
    await importPeople(t, s, people(5, { role: 'staff' }));
    const b = await t.call('GET', `/api/v1/assessments/${s.id}/benchmark`, { token });
    expect(b.data).toMatchObject({ available: false, peerOrganizations: 4 });
  });
});
