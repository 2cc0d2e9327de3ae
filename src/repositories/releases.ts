import { type Kysely, sql } from 'kysely';
import { type Db, isPostgres } from '../db/database.js';
import type { Database } from '../db/tables.js';
import { labelRelease, planRelease } from '../domain/anonymity.js';
import { releaseComments } from './comments.js';

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
    // The release's cells decide what its comments may show, exactly as they do for its responses.
    const members = await trx.selectFrom('responses').select(['role', 'department']).where('assessment_id', '=', assessmentId).where('release', '=', decision.number).execute();
    const labels = labelRelease(members, k);
    const cellLabel = new Map(members.map((m, i) => [`${m.role}\u0000${m.department}`, labels[i]]));
    await releaseComments(trx, assessmentId, decision.number, (who) => cellLabel.get(`${who.role}\u0000${who.department}`) ?? { role: null, department: null });
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
