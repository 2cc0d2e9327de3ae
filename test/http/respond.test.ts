import { describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { buildTestApp } from '../helpers.js';

describe('assessments and invitations', () => {
  it('creates an assessment on the newest questionnaire version and reports its status', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup({ targets: { process: 70 } });
    const res = await t.call('GET', `/api/v1/assessments/${assessmentId}`, { token });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      questionnaire: { id: 'tiny', version: 1 },
      anonymityThreshold: 5,
      targets: { culture: null, process: 70, interaction: null },
      status: 'open',
      respondents: { invited: 0, submitted: 0, responseRate: null },
    });
  });

  it('refuses an unknown questionnaire and a closing date in the past with 422', async () => {
    const t = await buildTestApp();
    const { token, orgId } = await t.setup();
    const q = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: 'x', questionnaireId: 'nope' } });
    expect(q.status).toBe(422);
    expect(q.data.errors[0].path).toBe('questionnaireId');
    const d = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, {
      token,
      json: { title: 'x', questionnaireId: 'tiny', closesAt: '2001-01-01T00:00:00Z' },
    });
    expect(d.status).toBe(422);
    expect(d.data.errors[0].path).toBe('closesAt');
  });

  it('creates invitation links by role and department and lists their status without answers', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const res = await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, {
      token,
      json: { invitations: [{ role: 'manager', count: 2 }, { role: 'staff', department: 'فروش', count: 3 }] },
    });
    expect(res.status).toBe(201);
    expect(res.data.invitations).toHaveLength(5);
    const first = res.data.invitations[0];
    expect(first.url).toBe(`http://mehvar.test/r/${first.token}`);
    expect(res.data.invitations[4]).toMatchObject({ role: 'staff', department: 'فروش' });

    await t.call('PUT', `/api/v1/respond/${first.token}/answers`, { json: { answers: { 'org.know': 4 } } });
    const list = await t.call('GET', `/api/v1/assessments/${assessmentId}/invitations`, { token });
    expect(list.data.summary).toEqual({ total: 5, notStarted: 4, inProgress: 1, submitted: 0 });
    expect(JSON.stringify(list.data)).not.toContain('org.know');
    expect(JSON.stringify(list.data)).not.toContain(first.token);
  });

  it('hides another consultant\'s assessment behind 404', async () => {
    const t = await buildTestApp();
    const { assessmentId } = await t.setup();
    const other = await t.consultant('Other');
    for (const [m, u] of [
      ['GET', `/api/v1/assessments/${assessmentId}`],
      ['POST', `/api/v1/assessments/${assessmentId}/close`],
      ['GET', `/api/v1/assessments/${assessmentId}/invitations`],
    ] as const)
      expect((await t.call(m, u, { token: other })).status).toBe(404);
    const inv = await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token: other, json: { invitations: [{ role: 'staff' }] } });
    expect(inv.status).toBe(404);
  });
});

describe('answering by invitation token', () => {
  it('serves the questionnaire in Persian by default and English on request', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    const fa = await t.call('GET', `/api/v1/respond/${inv.token}`);
    expect(fa.status).toBe(200);
    expect(fa.data.questionnaire).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(fa.data.questionnaire.sections[0].items[0]).toMatchObject({ id: 'org.know', text: 'تا چه اندازه از مشتریان خود آگاهیم؟' });
    expect(fa.data.questionnaire.sections[0].items[0].scale[4]).toEqual({ value: 5, label: 'کاملاً' });
    expect(fa.data.assessment.organization).toBe('شرکت نمونه پارس');
    const en = await t.call('GET', `/api/v1/respond/${inv.token}?lang=en`);
    expect(en.data.questionnaire.sections[1].title).toBe('Customer');
    expect((await t.call('GET', `/api/v1/respond/${inv.token}?lang=de`)).status).toBe(400);
    expect((await t.call('GET', '/api/v1/respond/not-a-real-token-at-all')).status).toBe(404);
  });

  it('merges drafts, keeps don\'t-know, and resumes them', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 4, 'org.values': null } } });
    const second = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, {
      json: { answers: { 'org.know': 5, 'cust.service': 2 }, comments: { org: 'نظر من' } },
    });
    expect(second.status).toBe(200);
    expect(second.data).toMatchObject({ answered: 3, total: 6 });
    const resumed = await t.call('GET', `/api/v1/respond/${inv.token}`);
    expect(resumed.data.status).toBe('in_progress');
    expect(resumed.data.draft).toEqual({ answers: { 'org.know': 5, 'org.values': null, 'cust.service': 2 }, comments: { org: 'نظر من' } });
  });

  it('rejects unknown items, values off the scale and wrong types, saving nothing', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 3 } } });
    const bad = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, {
      json: { answers: { 'org.know': 5, 'no.such': 3, 'cust.service': 6 }, comments: { nosection: 'x' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['answers.cust.service', 'answers.no.such', 'comments.nosection']);
    const wrongType = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 'five' } } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.data.errors[0].path).toBe('answers.org.know');
    const frac = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 2.5 } } });
    expect(frac.status).toBe(400);
    expect((await t.call('GET', `/api/v1/respond/${inv.token}`)).data.draft.answers).toEqual({ 'org.know': 3 });
  });

  it('submits once: a second submit returns the same responseId and stores no second response', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId, 'staff', 1, 'فروش');
    await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 4, 'org.values': null, 'cust.process': 1 } } });
    const [a, b] = await Promise.all([
      t.call('POST', `/api/v1/respond/${inv.token}/submit`),
      t.call('POST', `/api/v1/respond/${inv.token}/submit`),
    ]);
    const c = await t.call('POST', `/api/v1/respond/${inv.token}/submit`);
    expect(a.data).toMatchObject({ status: 'submitted' });
    expect(b.data.responseId).toBe(a.data.responseId);
    expect(c.data.responseId).toBe(a.data.responseId);
    const rows = await t.db.selectFrom('responses').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'staff', department: 'فروش', source: 'online' });
    expect(Array.from(decodeAnswers(rows[0].answers))).toEqual([4, DONT_KNOW, UNANSWERED, UNANSWERED, UNANSWERED, 1]);
    const after = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 1 } } });
    expect(after.status).toBe(409);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}`, { token })).data.respondents).toMatchObject({ invited: 1, submitted: 1, responseRate: 1 });
  });

  it('refuses an empty submission', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    const res = await t.call('POST', `/api/v1/respond/${inv.token}/submit`);
    expect(res.status).toBe(422);
    expect(await t.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });

  it('answers 409 after the assessment closed, but an earlier submission keeps its id', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [done, late] = await t.invite(token, assessmentId, 'staff', 2);
    await t.call('PUT', `/api/v1/respond/${done.token}/answers`, { json: { answers: { 'org.know': 2 } } });
    const first = await t.call('POST', `/api/v1/respond/${done.token}/submit`);
    await t.call('PUT', `/api/v1/respond/${late.token}/answers`, { json: { answers: { 'org.know': 2 } } });
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token })).data.status).toBe('closed');
    expect((await t.call('PUT', `/api/v1/respond/${late.token}/answers`, { json: { answers: { 'org.know': 3 } } })).status).toBe(409);
    expect((await t.call('POST', `/api/v1/respond/${late.token}/submit`)).status).toBe(409);
    expect((await t.call('POST', `/api/v1/respond/${done.token}/submit`)).data.responseId).toBe(first.data.responseId);
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { invitations: [{ role: 'staff' }] } })).status).toBe(409);
  });

  it('treats a closing date that has passed as closed', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const t = await buildTestApp({ now: () => now });
    const { token, assessmentId } = await t.setup({ closesAt: '2026-02-01T00:00:00Z' });
    const [inv] = await t.invite(token, assessmentId);
    expect((await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 3 } } })).status).toBe(200);
    now = new Date('2026-02-02T00:00:00Z');
    expect((await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 3 } } })).status).toBe(409);
  });
});

describe('one-step submission', () => {
  it('merges final answers and submits atomically; bad answers save and submit nothing', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [inv] = await t.invite(token, assessmentId);
    await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': 2 } } });
    const bad = await t.call('POST', `/api/v1/respond/${inv.token}/submit`, { json: { answers: { 'org.values': 9 } } });
    expect(bad.status).toBe(422);
    expect((await t.call('GET', `/api/v1/respond/${inv.token}`)).data).toMatchObject({ status: 'in_progress', draft: { answers: { 'org.know': 2 } } });
    const ok = await t.call('POST', `/api/v1/respond/${inv.token}/submit`, { json: { answers: { 'org.values': 5, 'cust.service': null } } });
    expect(ok.data.status).toBe('submitted');
    const row = await t.db.selectFrom('responses').select('answers').executeTakeFirstOrThrow();
    expect(row.answers).toBe('25.?..');
  });
});
