import { type Kysely, sql } from 'kysely';
import { type Db, isPostgres } from '../db/database.js';
import type { Database } from '../db/tables.js';
import { planRelease } from '../domain/anonymity.js';

/**
 * Moves the submissions waiting into the figures when the anonymity rules allow it (domain/anonymity.ts
 * `planRelease`), stamping them with the next release number. One transaction that locks the assessment's
 * row on PostgreSQL, so two readers at once cannot split one release into two small ones; SQLite has one
 * writer at a time. Returns the release made, or null.
 */
export async function releasePending(db: Db, assessmentId: string, k: number, closed: boolean): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await trx.selectFrom('assessments').select('id').where('id', '=', assessmentId).forUpdate().execute();
    const row = await releaseState(trx, assessmentId);
    const decision = planRelease({ ...row, closed, k });
    if (!decision.release) return null;
    await trx.updateTable('responses').set({ release: decision.number }).where('assessment_id', '=', assessmentId).where('release', 'is', null).execute();
    return decision.number;
  });
}

/** Submissions waiting for a release, and the last release made (0 when none). */
export async function releaseState(db: Kysely<Database>, assessmentId: string): Promise<{ pending: number; lastRelease: number }> {
  const row = await db
    .selectFrom('responses')
    .select([sql<number>`count(*) filter (where release is null)`.as('pending'), sql<number | null>`max(release)`.as('last')])
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), lastRelease: Number(row.last ?? 0) };
}

export async function countReleased(db: Db, assessmentId: string): Promise<number> {
  const row = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', assessmentId).where('release', 'is not', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
