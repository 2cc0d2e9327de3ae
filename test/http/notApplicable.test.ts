import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW, NOT_APPLICABLE, UNANSWERED } from '../../src/domain/answers.js';
import { buildTestApp, type TestApp } from '../helpers.js';

// Issue 16: "not applicable" ("na" in the API) is an answer of its own. It is offered where the questionnaire
// has a notApplicableLabel (mehvar-core v2), refused elsewhere, left out of scores and n, counted in
// distribution.notApplicable, exported as N/A and read back by the import (NA stays "don't know").

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');

async function setup(version: number) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const { token, assessmentId, orgId } = await t.setup({ questionnaireId: 'mehvar-core', questionnaireVersion: version, anonymityThreshold: 5 });
  const q = t.deps.questionnaires.get('mehvar-core', version)!.definition;
  return { t, token, assessmentId, orgId, q, ids: q.items.map((i) => i.id) };
}

async function storedRows(t: TestApp, assessmentId: string) {
  const rows = await t.db.selectFrom('responses').select('answers').where('assessment_id', '=', assessmentId).execute();
  return rows.map((r) => r.answers);
}

describe('"not applicable" on mehvar-core v2', () => {
  it('is saved and submitted from the respondent API, and stored as its own code', async () => {
    const { t, token, assessmentId, ids } = await setup(2);
    const [inv] = await t.invite(token, assessmentId);
    const form = await t.call('GET', `/api/v1/respond/${inv.token}?lang=en`);
    expect(form.data.questionnaire).toMatchObject({ dontKnowLabel: "Don't know", notApplicableLabel: 'Not applicable' });
    expect((await t.call('GET', `/api/v1/respond/${inv.token}`)).data.questionnaire.notApplicableLabel).toBe('مربوط نیست');

    const saved = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { [ids[0]]: 'na', [ids[1]]: null, [ids[2]]: 4 } } });
    expect(saved.status).toBe(200);
    expect(saved.data.draft.answers).toEqual({ [ids[0]]: 'na', [ids[1]]: null, [ids[2]]: 4 });
    expect(saved.data.answered).toBe(3);
    // Only the lower-case word: anything else is not an answer.
    const shouting = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { [ids[0]]: 'NA' } } });
    expect(shouting.status).toBe(400);
    expect((await t.call('POST', `/api/v1/respond/${inv.token}/submit`, {})).status).toBe(200);
    const [code] = await storedRows(t, assessmentId);
    expect(code.slice(0, 4)).toBe('-?4.');
    expect(Array.from(decodeAnswers(code)).slice(0, 3)).toEqual([NOT_APPLICABLE, DONT_KNOW, 4]);
  });

  it('leaves it out of scores and n and counts it in distribution.notApplicable, in results and items.csv', async () => {
    const { t, token, assessmentId, q, ids } = await setup(2);
    // Five responses; the first item is not applicable to two of them, don't know to one.
    const first = ['na', 'na', null, 5, 3] as const;
    const responses = first.map((v) => ({ role: 'staff', answers: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? v : 4])) }));
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses } })).status).toBe(201);
    const r = await t.call('GET', `/api/v1/assessments/${assessmentId}/results?lang=en`, { token });
    const item = r.data.items.find((i: { id: string }) => i.id === ids[0]);
    expect(item).toMatchObject({ n: 2, score: 75, distribution: { 3: 1, 5: 1, dontKnow: 1, notApplicable: 2 } });
    // The item's dimension still scores all five respondents: "na" takes the item out of their group.
    const dimension = r.data.dimensions.find((d: { id: string }) => d.id === q.items[0].dimension);
    expect(dimension.n).toBe(5);
    const csv = (await t.call('GET', `/api/v1/assessments/${assessmentId}/export/items.csv`, { token })).data as string;
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const cells = header.split(',');
    const values = row.split(',');
    expect(values[cells.indexOf('count_dont_know')]).toBe('1');
    expect(values[cells.indexOf('count_not_applicable')]).toBe('2');
  });

  it('imports NA as don\'t know and N/A, n/a or na as not applicable, and exports it as N/A that imports again', async () => {
    const { t, token, assessmentId, ids } = await setup(2);
    const head = `role,department,${ids.slice(0, 4).join(',')}`;
    const rows = ['staff,,NA,N/A,n/a,na', 'staff,,4,N/A,NA,', 'staff,,3,3,3,3', 'staff,,2,2,2,2', 'staff,,1,na,1,1'];
    const imported = await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, body: [head, ...rows].join('\n'), type: 'text/csv' });
    expect(imported.status).toBe(201);
    const decoded = (await storedRows(t, assessmentId)).map((c) => Array.from(decodeAnswers(c)).slice(0, 4));
    expect(decoded).toContainEqual([DONT_KNOW, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]);
    expect(decoded).toContainEqual([4, NOT_APPLICABLE, DONT_KNOW, UNANSWERED]);

    const exported = (await t.call('GET', `/api/v1/assessments/${assessmentId}/export/responses.csv`, { token })).data as string;
    expect(exported).toContain(',NA,N/A,N/A,N/A');
    const again = await setup(2);
    const back = await again.t.call('POST', `/api/v1/assessments/${again.assessmentId}/responses/import`, { token: again.token, body: exported, type: 'text/csv' });
    expect(back.status).toBe(201);
    expect((await storedRows(again.t, again.assessmentId)).sort()).toEqual((await storedRows(t, assessmentId)).sort());
  });

  it('refuses other spellings, naming the cell and the words it reads', async () => {
    const { t, token, assessmentId, ids } = await setup(2);
    const res = await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, body: `role,department,${ids[0]}\nstaff,,Na\n`, type: 'text/csv' });
    expect(res.status).toBe(422);
    expect(res.data.errors[0]).toEqual({ path: `row 2, column ${ids[0]}`, message: '"Na" is not an integer, empty, NA ("don\'t know") or N/A ("not applicable")' });
  });
});

describe('"not applicable" on mehvar-core v1, which never offered it', () => {
  it('is refused by the respondent API and the imports, naming the questionnaire', async () => {
    const { t, token, assessmentId, ids } = await setup(1);
    const [inv] = await t.invite(token, assessmentId);
    expect((await t.call('GET', `/api/v1/respond/${inv.token}`)).data.questionnaire.notApplicableLabel).toBeNull();
    const put = await t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { [ids[0]]: 'na' } } });
    expect(put.status).toBe(422);
    expect(put.data.errors).toEqual([{ path: `answers.${ids[0]}`, message: 'questionnaire mehvar-core v1 has no "not applicable" answer' }]);
    const json = await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses: [{ role: 'staff', answers: { [ids[0]]: 'na' } }] } });
    expect(json.status).toBe(422);
    const csv = await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, body: `role,department,${ids[0]}\nstaff,,N/A\n`, type: 'text/csv' });
    expect(csv.status).toBe(422);
    expect(await storedRows(t, assessmentId)).toEqual([]);
  });
});
