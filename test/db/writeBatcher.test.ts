import { describe, expect, it } from 'vitest';
import { WriteBatcher } from '../../src/db/writeBatcher.js';
import { buildTestApp, openTestDatabase } from '../helpers.js';

const freshDb = openTestDatabase;

const user = (id: string) => ({ id, role: 'consultant' as const, name: id, token_hash: `hash-${id}`, organization_id: null, created_at: 'now' });

describe('the write path (group commit on SQLite, one transaction per write on PostgreSQL)', () => {
  it('answers each of 30 concurrent writes only with its own outcome', async () => {
    const db = await freshDb();
    const writes = new WriteBatcher(db);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        writes.run(async (trx) => {
          // Every seventh write fails half-way: its own insert must be undone, the others kept.
          await trx.insertInto('users').values(user(`u${i}`)).execute();
          if (i % 7 === 3) throw new Error(`fail ${i}`);
          return i;
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([3, 10, 17, 24]);
    const stored = (await db.selectFrom('users').select('id').execute()).map((r) => r.id).sort();
    expect(stored).toHaveLength(26);
    expect(stored).not.toContain('u3');
  });

  it('keeps the rest of a batch when one write breaks a constraint', async () => {
    const db = await freshDb();
    const writes = new WriteBatcher(db);
    await db.insertInto('users').values(user('taken')).execute();
    // A duplicate primary key fails inside its savepoint; the batch still commits the rest.
    const [a, b] = await Promise.allSettled([
      writes.run((trx) => trx.insertInto('users').values(user('taken')).execute()),
      writes.run((trx) => trx.insertInto('users').values(user('fresh')).execute()),
    ]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
  });

  it('stores each of 40 concurrent submissions exactly once, and resubmissions return the same id', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const invitations = await t.invite(token, assessmentId, 'staff', 40);
    await Promise.all(invitations.map((inv, i) => t.call('PUT', `/api/v1/respond/${inv.token}/answers`, { json: { answers: { 'org.know': (i % 5) + 1 } } })));
    const first = await Promise.all(invitations.map((inv) => t.call('POST', `/api/v1/respond/${inv.token}/submit`)));
    const again = await Promise.all(invitations.map((inv) => t.call('POST', `/api/v1/respond/${inv.token}/submit`)));
    expect(first.every((r) => r.status === 200)).toBe(true);
    expect(again.map((r) => r.data.responseId)).toEqual(first.map((r) => r.data.responseId));
    const rows = await t.db.selectFrom('responses').select(['id', 'answers']).execute();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
  });
});
