import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

// The JSON API's side of running an engagement: edit, delete, reopen and departments, each one service
// function shared with the dashboard (test/web/manage.test.ts).

async function submitted(t: Awaited<ReturnType<typeof buildTestApp>>, assessmentId: string, n: number, token: string) {
  const links = await t.invite(token, assessmentId, 'staff', n);
  for (const l of links) expect((await t.call('POST', `/api/v1/respond/${l.token}/submit`, { json: { answers: { 'org.know': 4, 'org.values': 3, 'cust.service': 4 } } })).status).toBe(200);
}

describe('API: editing, deleting and reopening', () => {
  it('edits an organization and an assessment, auditing which fields changed', async () => {
    const t = await buildTestApp();
    const { token, orgId, assessmentId } = await t.setup();
    const org = await t.call('PATCH', `/api/v1/organizations/${orgId}`, { token, json: { name: { fa: 'شركت تازه' }, sector: 'خدمات', headcount: 80 } });
    expect(org.status).toBe(200);
    expect(org.data.name.fa).toBe('شرکت تازه'); // Arabic ك made Persian
    expect(org.data.headcount).toBe(80);
    const a = await t.call('PATCH', `/api/v1/assessments/${assessmentId}`, { token, json: { title: 'ارزیابی دوم', targets: { culture: 70 }, closesAt: '2099-01-01T00:00:00Z' } });
    expect(a.status).toBe(200);
    expect(a.data).toMatchObject({ title: 'ارزیابی دوم', closesAt: '2099-01-01T00:00:00.000Z', targets: { culture: 70, process: null } });
    const past = await t.call('PATCH', `/api/v1/assessments/${assessmentId}`, { token, json: { closesAt: '2001-01-01T00:00:00Z' } });
    expect(past.status).toBe(422);
    expect(past.data.errors).toEqual([{ path: 'closesAt', message: 'must be in the future' }]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('action', 'like', '%.update').orderBy('at').execute();
    expect(audit.map((e) => [e.action, JSON.parse(e.details!).changed])).toEqual([
      ['organization.update', ['name_fa', 'sector', 'headcount']],
      ['assessment.update', ['title', 'target_culture', 'closes_at']],
    ]);
  });

  it('refuses a new anonymity threshold once a response is in', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    expect((await t.call('PATCH', `/api/v1/assessments/${assessmentId}`, { token, json: { anonymityThreshold: 3 } })).status).toBe(200);
    await submitted(t, assessmentId, 1, token);
    const res = await t.call('PATCH', `/api/v1/assessments/${assessmentId}`, { token, json: { anonymityThreshold: 7 } });
    expect(res.status).toBe(422);
    expect(res.data.errors[0].path).toBe('anonymityThreshold');
  });

  it('deletes freely while nothing is submitted, and only with the typed name after', async () => {
    const t = await buildTestApp();
    const { token, orgId, assessmentId } = await t.setup();
    await t.invite(token, assessmentId, 'staff', 3);
    expect((await t.call('DELETE', `/api/v1/assessments/${assessmentId}`, { token })).status).toBe(204);
    expect(await t.db.selectFrom('invitations').selectAll().execute()).toEqual([]);

    const second = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: 'دوم', questionnaireId: 'tiny' } });
    await submitted(t, second.data.id, 2, token);
    const refused = await t.call('DELETE', `/api/v1/organizations/${orgId}?confirm=wrong`, { token });
    expect(refused.status).toBe(422);
    expect(refused.data.errors).toEqual([{ path: 'confirm', message: "must be the organization's name" }]);
    expect((await t.db.selectFrom('responses').selectAll().execute()).length).toBe(2);
    const ok = await t.call('DELETE', `/api/v1/organizations/${orgId}?confirm=${encodeURIComponent('Pars Sample Co.')}`, { token });
    expect(ok.status).toBe(204);
    expect((await t.db.selectFrom('responses').selectAll().execute()).length).toBe(0);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}`, { token })).status).toBe(404);
    const actions = (await t.db.selectFrom('audit_events').select('action').execute()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['assessment.delete', 'organization.delete']));
  });

  it("another consultant's organization is 404 for every new route", async () => {
    const t = await buildTestApp();
    const { orgId, assessmentId } = await t.setup();
    const other = await t.consultant('Other');
    for (const [method, url, json] of [
      ['PATCH', `/api/v1/organizations/${orgId}`, { sector: 'x' }],
      ['DELETE', `/api/v1/organizations/${orgId}`, undefined],
      ['PATCH', `/api/v1/assessments/${assessmentId}`, { title: 'x' }],
      ['DELETE', `/api/v1/assessments/${assessmentId}`, undefined],
      ['POST', `/api/v1/assessments/${assessmentId}/reopen`, {}],
      ['GET', `/api/v1/organizations/${orgId}/departments`, undefined],
      ['POST', `/api/v1/organizations/${orgId}/departments`, { name: 'فروش' }],
    ] as const)
      expect((await t.call(method, url, { token: other, json })).status, `${method} ${url}`).toBe(404);
  });

  it('reopens a closed assessment: no stale final scores, figures continue k at a time, audited', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup({ anonymityThreshold: 2 });
    await submitted(t, assessmentId, 2, token);
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token })).status).toBe(200);
    expect(await t.db.selectFrom('final_scores').selectAll().execute()).toHaveLength(1);
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/reopen`, { token, json: {} })).status).toBe(200);
    const a = await t.call('GET', `/api/v1/assessments/${assessmentId}`, { token });
    expect(a.data).toMatchObject({ status: 'open', closedAt: null });
    expect(await t.db.selectFrom('final_scores').selectAll().execute()).toEqual([]);
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/reopen`, { token, json: {} })).status).toBe(409);
    // One more answer does not move the figures on its own; a second does.
    await submitted(t, assessmentId, 1, token);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token })).data.snapshot.inFigures).toBe(2);
    await submitted(t, assessmentId, 1, token);
    const after = await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token });
    expect(after.data.snapshot.inFigures).toBe(4);
    const closedAgain = await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    expect(closedAgain.data.figures.inFigures).toBe(4);
    expect((await t.db.selectFrom('final_scores').select('in_figures').executeTakeFirstOrThrow()).in_figures).toBe(4);
    expect((await t.db.selectFrom('audit_events').select('action').where('action', '=', 'assessment.reopen').execute()).length).toBe(1);
  });
});

describe('API: departments', () => {
  it('lists, adds (normalized, no duplicates) and removes departments', async () => {
    const t = await buildTestApp();
    const { token, orgId } = await t.setup();
    const a = await t.call('POST', `/api/v1/organizations/${orgId}/departments`, { token, json: { name: ' فروش ' } });
    expect(a.status).toBe(201);
    expect(a.data.name).toBe('فروش');
    expect((await t.call('POST', `/api/v1/organizations/${orgId}/departments`, { token, json: { name: 'فروش' } })).status).toBe(422);
    await t.call('POST', `/api/v1/organizations/${orgId}/departments`, { token, json: { name: 'پشتيباني' } });
    const list = await t.call('GET', `/api/v1/organizations/${orgId}/departments`, { token });
    expect(list.data.departments.map((d: { name: string }) => d.name)).toEqual(['پشتیبانی', 'فروش']);
    expect((await t.call('DELETE', `/api/v1/organizations/${orgId}/departments/${a.data.id}`, { token })).status).toBe(204);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/departments`, { token })).data.departments).toHaveLength(1);
  });
});

describe('API: link batches and progress', () => {
  it('lists batches, issues a batch again (old links stop working), revokes one, and counts progress by department', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup({ anonymityThreshold: 2 });
    const sales = await t.invite(token, assessmentId, 'staff', 3, 'فروش');
    await t.invite(token, assessmentId, 'manager', 1);
    const list = await t.call('GET', `/api/v1/assessments/${assessmentId}/invitations/batches`, { token });
    expect(list.status).toBe(200);
    expect(list.data.batches.map((b: { role: string; department: string | null; total: number; open: number }) => [b.role, b.department, b.total, b.open])).toEqual([
      ['staff', 'فروش', 3, 3],
      ['manager', null, 1, 1],
    ]);
    const [staff, manager] = list.data.batches;
    const ref = (b: { createdAt: string; role: string; department: string | null }) => ({ createdAt: b.createdAt, role: b.role, department: b.department });

    const again = await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations/batches/reissue`, { token, json: ref(staff) });
    expect(again.status).toBe(200);
    expect(again.data.invitations).toHaveLength(3);
    expect((await t.call('GET', `/api/v1/respond/${sales[0].token}`)).status).toBe(404);
    expect((await t.call('GET', `/api/v1/respond/${again.data.invitations[0].token}`)).status).toBe(200);

    const revoked = await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations/batches/revoke`, { token, json: ref(manager) });
    expect(revoked.data).toEqual({ revoked: 1 });
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations/batches/revoke`, { token, json: ref(manager) })).status).toBe(404);

    await t.invite(token, assessmentId, 'staff', 1, 'مالی'); // one link: below k = 2
    const alone = await t.call('GET', `/api/v1/assessments/${assessmentId}/progress`, { token });
    // Beside one other department only, both go together: فروش alone would give مالی away by subtraction.
    expect(alone.data.departments).toEqual([{ department: null, hidden: true, invited: 4, inProgress: 0, submitted: 0 }]);
    await t.invite(token, assessmentId, 'staff', 2, 'انبار');
    const progress = await t.call('GET', `/api/v1/assessments/${assessmentId}/progress`, { token });
    expect(progress.data.departments).toEqual([
      { department: 'فروش', hidden: false, invited: 3, inProgress: 0, submitted: 0 },
      { department: null, hidden: true, invited: 3, inProgress: 0, submitted: 0 },
    ]);
  });
});
