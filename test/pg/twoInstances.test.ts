import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import { decodeAnswers } from '../../src/domain/answers.js';
import { ADMIN_TOKEN, createTestPgDatabase, TEST_PG_URL } from '../helpers.js';
import { type Instance, startInstance } from './instances.js';

// The tiny fixture questionnaire, in its item order (the order of the stored answer string).
const ITEMS = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];
const N = 60;

async function assessmentWithLinks(a: Instance, b: Instance, count: number) {
  const consultant = (await a.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'consultant', name: 'مشاور' } })).data.token as string;
  const org = await b.call('POST', '/api/v1/organizations', { token: consultant, json: { name: { fa: 'شرکت نمونه پارس' } } });
  const assessment = await a.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token: consultant, json: { title: 'ارزیابی', questionnaireId: 'tiny' } });
  const links = await b.call('POST', `/api/v1/assessments/${assessment.data.id}/invitations`, { token: consultant, json: { invitations: [{ role: 'staff', count }] } });
  expect(links.status).toBe(201);
  return { consultant, assessmentId: assessment.data.id as string, tokens: (links.data.invitations as Array<{ token: string }>).map((i) => i.token) };
}

describe.skipIf(!TEST_PG_URL)('two instances on one PostgreSQL database', () => {
  it('stores every acknowledged answer and submission exactly once, whichever instance takes it', async () => {
    const url = await createTestPgDatabase();
    // One after the other: the first migrates and creates the admin, the second finds both done.
    const a = await startInstance(url);
    const b = await startInstance(url);
    const db = openPostgres(url, { poolSize: 2 });
    try {
      const { consultant, assessmentId, tokens } = await assessmentWithLinks(a, b, N);
      const value = (i: number, k: number) => ((i + k) % 5) + 1;

      // Every item of every link saved at once, alternating instances: merges of the same draft race.
      const saves = await Promise.all(
        tokens.flatMap((token, i) =>
          ITEMS.map((item, k) => (k % 2 ? a : b).call('PUT', `/api/v1/respond/${token}/answers`, { json: { answers: { [item]: value(i, k) } } })),
        ),
      );
      expect(saves.map((s) => s.status)).toEqual(saves.map(() => 200));
      const drafts = await Promise.all(tokens.map((token, i) => (i % 2 ? b : a).call('GET', `/api/v1/respond/${token}`)));
      drafts.forEach((d, i) => expect(d.data.draft.answers).toEqual(Object.fromEntries(ITEMS.map((item, k) => [item, value(i, k)]))));

      // Each link submitted on both instances at the same moment: one response, the same id on both.
      const submits = await Promise.all(tokens.map((token) => Promise.all([a, b].map((x) => x.call('POST', `/api/v1/respond/${token}/submit`)))));
      for (const [onA, onB] of submits) {
        expect([onA.status, onB.status]).toEqual([200, 200]);
        expect(onB.data.responseId).toBe(onA.data.responseId);
      }
      const again = await Promise.all(tokens.map((token, i) => (i % 2 ? a : b).call('POST', `/api/v1/respond/${token}/submit`)));
      expect(again.map((r) => r.data.responseId)).toEqual(submits.map(([r]) => r.data.responseId));

      const rows = await db.selectFrom('responses').select(['id', 'answers']).where('assessment_id', '=', assessmentId).execute();
      expect(rows).toHaveLength(N);
      const stored = new Map(rows.map((r) => [r.id, Array.from(decodeAnswers(r.answers))]));
      submits.forEach(([r], i) => expect(stored.get(r.data.responseId)).toEqual(ITEMS.map((_, k) => value(i, k))));

      // Neither instance answers from a stale copy: both count every response just stored through either.
      for (const x of [a, b]) {
        const status = await x.call('GET', `/api/v1/assessments/${assessmentId}`, { token: consultant });
        expect(status.data.respondents).toMatchObject({ invited: N, submitted: N });
        const results = await x.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token: consultant });
        expect(results.status).toBe(200);
        expect(results.data.respondents).toMatchObject({ invited: N, submitted: N });
      }

      // The PDF report is cached in each instance's memory: once B holds a copy, a response arriving through
      // A must still reach B's next report. (Checked where the report route is mounted.)
      const report = async () => {
        const res = await fetch(`${b.url}/api/v1/assessments/${assessmentId}/report.pdf?lang=en`, { headers: { authorization: `Bearer ${consultant}` } });
        return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
      };
      const cached = await report();
      const mounted = !(cached.status === 404 && cached.bytes.toString().includes('No route'));
      if (mounted) {
        expect(cached.status).toBe(200);
        expect((await report()).bytes.equals(cached.bytes)).toBe(true); // served from B's cache
        const late = await a.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token: consultant, json: { invitations: [{ role: 'manager', count: 1 }] } });
        const lateToken = late.data.invitations[0].token as string;
        await a.call('PUT', `/api/v1/respond/${lateToken}/answers`, { json: { answers: { 'org.know': 5 } } });
        expect((await a.call('POST', `/api/v1/respond/${lateToken}/submit`)).status).toBe(200);
        const fresh = await report();
        expect(fresh.status).toBe(200);
        expect(fresh.bytes.equals(cached.bytes)).toBe(false);
      }
    } finally {
      await Promise.all([a.stop(), b.stop(), db.destroy()]);
    }
  }, 120_000);

  it('never loses an acknowledged save that races a submit on the other instance', async () => {
    const url = await createTestPgDatabase();
    const a = await startInstance(url);
    const b = await startInstance(url);
    const db = openPostgres(url, { poolSize: 2 });
    try {
      const { tokens } = await assessmentWithLinks(a, b, N);
      await Promise.all(tokens.map((token) => a.call('PUT', `/api/v1/respond/${token}/answers`, { json: { answers: { 'org.know': 1 } } })));
      // A late answer on one instance while the other submits: either the save is acknowledged and then is
      // in the submitted response, or it is refused with 409 because the submit came first.
      const raced = await Promise.all(
        tokens.map((token, i) =>
          Promise.all([
            (i % 2 ? a : b).call('PUT', `/api/v1/respond/${token}/answers`, { json: { answers: { 'cust.process': 5 } } }),
            (i % 2 ? b : a).call('POST', `/api/v1/respond/${token}/submit`),
          ]),
        ),
      );
      let acknowledged = 0;
      for (const [save, submit] of raced) {
        expect(submit.status).toBe(200);
        expect([200, 409]).toContain(save.status);
        const row = await db.selectFrom('responses').select('answers').where('id', '=', submit.data.responseId).executeTakeFirstOrThrow();
        const stored = decodeAnswers(row.answers)[ITEMS.indexOf('cust.process')];
        if (save.status === 200) {
          acknowledged++;
          expect(stored).toBe(5);
        }
      }
      const count = await db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(N);
      console.log(`save/submit race: ${acknowledged} of ${N} saves won the race, ${N - acknowledged} were refused after the submit`);
    } finally {
      await Promise.all([a.stop(), b.stop(), db.destroy()]);
    }
  }, 120_000);
});
