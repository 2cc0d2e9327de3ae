import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUser, findUserByToken } from '../../src/repositories/users.js';
import { actionRowsFor } from '../../src/services/actions.js';
import { buildTestApp, FIXTURES } from '../helpers.js';

async function world() {
  let now = new Date('2026-03-01T08:00:00Z');
  const t = await buildTestApp({ questionnairesDir: path.join(FIXTURES, 'questionnaires-versions'), now: () => now });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس' } } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: 'round 1', questionnaireId: 'tiny', questionnaireVersion: 1 } });
  return { t, token, orgId: org.data.id as string, assessmentId: a.data.id as string, setNow: (iso: string) => (now = new Date(iso)) };
}

const base = (assessmentId: string) => ({ assessmentId, title: 'Call back every complaint', owner: 'Sara Ahmadi', dueDate: '2026-06-30', status: 'planned' });

describe('actions API', () => {
  it('creates, lists, changes and deletes an action, each audited', async () => {
    const { t, token, orgId, assessmentId, setNow } = await world();
    const created = await t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: { ...base(assessmentId), recommendationId: 'rec.contact', itemIds: ['cust.contact'] } });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ assessmentId, status: 'planned', overdue: false, target: { kind: 'items', itemIds: ['cust.contact'] }, recommendationId: 'rec.contact' });
    const id = created.data.id;

    const listed = await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token });
    expect(listed.status).toBe(200);
    expect(listed.data.actions.map((a: any) => a.id)).toEqual([id]);

    // A past due day on an open action is overdue; done ones are not.
    setNow('2026-07-01T08:00:00Z');
    const late = await t.call('PATCH', `/api/v1/actions/${id}`, { token, json: { status: 'doing', section: 'cust' } });
    expect(late.status).toBe(200);
    expect(late.data).toMatchObject({ status: 'doing', dueDate: '2026-06-30', overdue: true, target: { kind: 'section', section: 'cust' } });
    const done = await t.call('PATCH', `/api/v1/actions/${id}`, { token, json: { status: 'done' } });
    expect(done.data).toMatchObject({ status: 'done', overdue: false, target: { kind: 'section', section: 'cust' } });

    expect((await t.call('DELETE', `/api/v1/actions/${id}`, { token })).status).toBe(204);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token })).data.actions).toEqual([]);
    const audit = await t.call('GET', `/api/v1/audit?organizationId=${orgId}`, { token });
    expect(audit.data.events.map((e: any) => e.action).filter((a: string) => a.startsWith('action.')).sort()).toEqual(['action.create', 'action.delete', 'action.update', 'action.update']);
  });

  it('refuses with 422 naming each bad field, and stores nothing', async () => {
    const { t, token, orgId, assessmentId } = await world();
    const post = (json: object) => t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: { ...base(assessmentId), ...json } });
    const paths = (res: { data: any }) => res.data.errors.map((e: any) => e.path);

    const early = await post({ dueDate: '2026-02-28', dimension: 'culture' });
    expect(early.status).toBe(422);
    expect(early.type).toContain('application/problem+json');
    expect(paths(early)).toEqual(['dueDate']);

    const unknown = await post({ itemIds: ['cust.contact', 'no.such', 'cust.followup'] });
    expect(unknown.status).toBe(422);
    // cust.followup exists only in v2: an item of another version is unknown to this assessment.
    expect(paths(unknown)).toEqual(['itemIds.1', 'itemIds.2']);

    // A recommendation of another questionnaire (mehvar-core's) is refused.
    const foreign = await post({ recommendationId: 'rec.information.start-collecting', section: 'org' });
    expect(foreign.status).toBe(422);
    expect(paths(foreign)).toEqual(['recommendationId']);

    const two = await post({ dimension: 'culture', section: 'org' });
    expect(two.status).toBe(422);
    expect(two.data.errors[0].message).toMatch(/exactly one target/);
    const none = await post({});
    expect(none.status).toBe(422);
    expect(paths(none)).toEqual(['target']);

    const otherOrg = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'دیگری' } } });
    const elsewhere = await t.call('POST', `/api/v1/organizations/${otherOrg.data.id}/actions`, { token, json: { ...base(assessmentId), dimension: 'culture' } });
    expect(elsewhere.status).toBe(422);
    expect(paths(elsewhere)).toEqual(['assessmentId']);

    const badStatus = await post({ status: 'finished', dimension: 'culture' });
    expect(badStatus.status).toBe(400);
    expect(paths(badStatus)).toEqual(['status']);

    expect((await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token })).data.actions).toEqual([]);
    // A refused change leaves the action as it was.
    const ok = await post({ dimension: 'culture' });
    const refused = await t.call('PATCH', `/api/v1/actions/${ok.data.id}`, { token, json: { itemIds: ['nope'], status: 'done' } });
    expect(refused.status).toBe(422);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token })).data.actions[0]).toMatchObject({ status: 'planned', target: { kind: 'dimension', dimension: 'culture' } });
  });

  it("answers 404 for another tenant's actions and 403 for a manager's changes", async () => {
    const { t, token, orgId, assessmentId } = await world();
    const created = await t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: { ...base(assessmentId), dimension: 'process' } });
    const other = await t.consultant('Other');
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token: other })).status).toBe(404);
    expect((await t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token: other, json: { ...base(assessmentId), dimension: 'process' } })).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/actions/${created.data.id}`, { token: other, json: { status: 'done' } })).status).toBe(404);
    expect((await t.call('DELETE', `/api/v1/actions/${created.data.id}`, { token: other })).status).toBe(404);

    const manager = (await createUser(t.db, { role: 'manager', name: 'M', organizationId: orgId }, new Date())).token;
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token: manager })).data.actions).toHaveLength(1);
    expect((await t.call('PATCH', `/api/v1/actions/${created.data.id}`, { token: manager, json: { status: 'done' } })).status).toBe(403);
    expect((await t.call('DELETE', `/api/v1/actions/${created.data.id}`, { token: manager })).status).toBe(403);
    expect((await t.call('GET', `/api/v1/organizations/${orgId}/actions`, { token })).data.actions[0].status).toBe('planned');
  });

  it('gives an organization\'s actions as plain rows for spreadsheets, the target in words', async () => {
    const { t, token, orgId, assessmentId } = await world();
    await t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: { ...base(assessmentId), section: 'cust', description: 'هر شکایت تا ۴۸ ساعت' } });
    const user = (await findUserByToken(t.db, token))!;
    const [row] = await actionRowsFor(t.deps, user, orgId, 'en');
    const title = t.deps.questionnaires.get('tiny', 1)!.definition.sections.find((x) => x.id === 'cust')!.title.en;
    expect(row).toMatchObject({ assessmentId, assessmentTitle: 'round 1', title: 'Call back every complaint', description: 'هر شکایت تا ۴۸ ساعت', target: title, owner: 'Sara Ahmadi', dueDate: '2026-06-30', status: 'planned', overdue: false, recommendationId: '' });
    const other = (await findUserByToken(t.db, await t.consultant('Other')))!;
    await expect(actionRowsFor(t.deps, other, orgId, 'en')).rejects.toThrow(/not found/);
  });
});
