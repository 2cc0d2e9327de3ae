import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/repositories/users.js';
import { buildConsultantApp } from './helpers.js';

/** A closed round of mehvar-core in which every item is answered `value` by `n` staff. */
async function round(w: Awaited<ReturnType<typeof buildConsultantApp>>, orgId: string, title: string, value: number, n = 6) {
  const { t, consultant, q } = w;
  const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token: consultant, json: { title, questionnaireId: 'mehvar-core' } });
  const answers = Object.fromEntries(q.items.map((i) => [i.id, i.reverse ? 6 - value : value]));
  // One respondent a step higher, so the rounds have some spread to test.
  const responses = Array.from({ length: n }, (_, k) => ({ role: 'staff', answers: k === 0 ? Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, Math.min(5, v + 1)])) : answers }));
  await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token: consultant, json: { responses } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token: consultant });
  return a.data.id as string;
}

async function world() {
  let now = new Date('2026-01-10T08:00:00Z');
  const w = await buildConsultantApp({ now: () => now });
  const org = await w.t.call('POST', '/api/v1/organizations', { token: w.consultant, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' } } });
  const orgId = org.data.id as string;
  const first = await round(w, orgId, 'دور نخست', 2);
  return { ...w, orgId, first, later: (iso: string) => (now = new Date(iso)) };
}

describe('dashboard: action plans', () => {
  it('makes a recommendation an action in one click, with its target, and lists it on the board', async () => {
    const w = await world();
    const s = w.session(w.consultant);
    const results = await (await w.get(`/app/assessments/${w.first}/results?lang=en`, s.cookie)).text();
    const rec = /data-recommendation="([^"]+)"/.exec(results)![1];
    expect(results).toContain('Make this an action');
    const def = w.q.recommendations.find((r) => r.id === rec)!;

    const made = await w.post(`/app/assessments/${w.first}/actions?lang=en`, { csrf: s.csrf, recommendationId: rec }, s.cookie);
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toMatch(new RegExp(`^/app/organizations/${w.orgId}/actions\\?`));
    const [action] = (await w.t.call('GET', `/api/v1/organizations/${w.orgId}/actions`, { token: w.consultant })).data.actions;
    expect(action).toMatchObject({ recommendationId: rec, status: 'planned', owner: 'مشاور نمونه', dueDate: '2026-04-10' });
    expect(action.target).toEqual('section' in def.target ? { kind: 'section', section: def.target.section } : { kind: 'items', itemIds: [def.target.item] });

    // A second visit to the results says the recommendation is on the action plan instead of offering to make
    // it again (a second click used to make a second, identical action).
    const again = await (await w.get(`/app/assessments/${w.first}/results?lang=en`, s.cookie)).text();
    const block = again.slice(again.indexOf(`data-recommendation="${rec}"`));
    const nextRec = block.indexOf('data-recommendation=', 10);
    const ownBlock = nextRec > 0 ? block.slice(0, nextRec) : block;
    expect(ownBlock).toContain('This recommendation is on the action plan');
    expect(ownBlock).not.toContain('Make this an action');
    expect(again.split('Make this an action').length).toBe(results.split('Make this an action').length - 1);

    const board = await (await w.get(made.headers.get('location')!, s.cookie)).text();
    expect(board).toContain(`data-action="${action.id}"`);
    expect(board).toContain('Planned');
    expect(board).toContain('The change is measured by the next assessment.');
  });

  it('edits status, marks overdue actions, and shows the measured change once a later assessment exists', async () => {
    const w = await world();
    const s = w.session(w.consultant);
    const created = await w.post(`/app/organizations/${w.orgId}/actions`, { csrf: s.csrf, assessmentId: w.first, title: 'جلسه‌ی هفتگی با مشتریان', target: 'dimension:interaction', owner: 'سارا احمدی', dueDate: '۲۰۲۶-۰۳-۰۱', status: 'doing' }, s.cookie);
    expect(created.status).toBe(303);
    const [action] = (await w.t.call('GET', `/api/v1/organizations/${w.orgId}/actions`, { token: w.consultant })).data.actions;
    expect(action).toMatchObject({ dueDate: '2026-03-01', status: 'doing', target: { kind: 'dimension', dimension: 'interaction' } });

    w.later('2026-04-01T08:00:00Z');
    const s2 = w.session(w.consultant); // sessions last at most 7 days
    let board = await (await w.get(`/app/organizations/${w.orgId}/actions`, s2.cookie)).text();
    expect(board).toMatch(/data-overdue="true"/);
    expect(board).toContain('از موعد گذشته');
    expect(board).toContain('در حال انجام');

    const edited = await w.post(`/app/actions/${action.id}`, { csrf: s2.csrf, owner: 'سارا احمدی', dueDate: '2026-03-01', status: 'done' }, s2.cookie);
    expect(edited.status).toBe(303);
    board = await (await w.get(`/app/organizations/${w.orgId}/actions?lang=en`, s2.cookie)).text();
    expect(board).not.toMatch(/data-overdue="true"/);
    expect(board).toContain('data-status="done"');

    await round(w, w.orgId, 'دور دوم', 4);
    board = await (await w.get(`/app/organizations/${w.orgId}/actions?lang=en`, s2.cookie)).text();
    expect(board).toContain('data-change="measured"');
    // The same figure as the trend's API, rounded for display.
    const trend = (await w.t.call('GET', `/api/v1/organizations/${w.orgId}/trend?lang=en`, { token: w.consultant })).data;
    const change = trend.actions[0].change;
    expect(board).toContain(`change +${change.delta.toFixed(1)}`);

    // The comparison page lists the interval's actions with the same change.
    const second = trend.assessments[1].id;
    const compare = await (await w.get(`/app/organizations/${w.orgId}/compare?lang=en&assessments=${w.first},${second}`, s2.cookie)).text();
    expect(compare).toContain('id="actions"');
    expect(compare).toContain(`data-action="${action.id}"`);
    expect(compare).toContain(`+${change.delta.toFixed(1)}`);
  });

  it('refuses a due date before the assessment on the form, and gives a manager no forms', async () => {
    const w = await world();
    const s = w.session(w.consultant);
    const refused = await w.post(`/app/organizations/${w.orgId}/actions?lang=en`, { csrf: s.csrf, assessmentId: w.first, title: 'x', target: 'section:listening', owner: 'y', dueDate: '2025-12-01', status: 'planned' }, s.cookie);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('not before the assessment started');
    expect((await w.t.call('GET', `/api/v1/organizations/${w.orgId}/actions`, { token: w.consultant })).data.actions).toEqual([]);

    // A refused edit comes back on the board with that action's form open; nothing changes.
    const ok = await w.post(`/app/organizations/${w.orgId}/actions`, { csrf: s.csrf, assessmentId: w.first, title: 'x', target: 'section:listening', owner: 'y', dueDate: '2026-02-01', status: 'planned' }, s.cookie);
    expect(ok.status).toBe(303);
    const [made] = (await w.t.call('GET', `/api/v1/organizations/${w.orgId}/actions`, { token: w.consultant })).data.actions;
    const edit = await w.post(`/app/actions/${made.id}?lang=en`, { csrf: s.csrf, owner: 'z', dueDate: '2025-01-01', status: 'done' }, s.cookie);
    expect(edit.status).toBe(422);
    const page = await edit.text();
    expect(page).toMatch(new RegExp(`<details open[^>]*><summary>Edit</summary><form[^>]*action="/app/actions/${made.id}`));
    expect(page).toContain(`id="e-${made.id}-dueDate-err"`);
    // Every action's form has ids of its own: one f-owner on the page (the new action's).
    expect(page.match(/id="f-owner"/g)).toHaveLength(1);
    expect((await w.t.call('GET', `/api/v1/organizations/${w.orgId}/actions`, { token: w.consultant })).data.actions[0]).toMatchObject({ owner: 'y', status: 'planned' });

    const manager = (await createUser(w.t.db, { role: 'manager', name: 'M', organizationId: w.orgId }, new Date())).token;
    const m = w.session(manager);
    const board = await (await w.get(`/app/organizations/${w.orgId}/actions`, m.cookie)).text();
    expect(board).not.toContain('id="new-action"');
    expect(board).not.toContain('<summary>ویرایش</summary>');
    const results = await (await w.get(`/app/assessments/${w.first}/results`, m.cookie)).text();
    expect(results).not.toContain('name="recommendationId"');
  });
});
