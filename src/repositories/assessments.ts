import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Assessment, User } from '../db/tables.js';
import { findOrganization } from './organizations.js';

export type NewAssessment = Omit<Assessment, 'id' | 'created_at' | 'closed_at'>;

export async function insertAssessment(db: Db, input: NewAssessment, now: Date): Promise<Assessment> {
  const row: Assessment = { ...input, id: randomUUID(), created_at: now.toISOString(), closed_at: null };
  await db.insertInto('assessments').values(row).execute();
  return row;
}

/** An assessment the user may see (through its organization), or undefined — callers answer 404. */
export async function findAssessment(db: Db, user: User, id: string): Promise<Assessment | undefined> {
  const a = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  return (await findOrganization(db, user, a.organization_id)) ? a : undefined;
}

export async function listAssessments(db: Db, organizationId: string): Promise<Assessment[]> {
  return db.selectFrom('assessments').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').orderBy('id').execute();
}

export async function closeAssessment(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('assessments').set({ closed_at: now.toISOString() }).where('id', '=', id).where('closed_at', 'is', null).execute();
}

export function isClosed(a: Pick<Assessment, 'closed_at' | 'closes_at'>, now: Date): boolean {
  return a.closed_at !== null || (a.closes_at !== null && Date.parse(a.closes_at) <= now.getTime());
}

export async function countParticipation(db: Db, assessmentId: string): Promise<{ invited: number; submitted: number; inProgress: number }> {
  const rows = await db
    .selectFrom('invitations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy('status')
    .execute();
  const submittedResponses = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return {
    invited: rows.reduce((s, r) => s + Number(r.n), 0),
    submitted: Number(submittedResponses.n),
    inProgress: by.in_progress ?? 0,
  };
}
