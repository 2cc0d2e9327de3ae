import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Assessment, Organization, User } from '../db/tables.js';
import { findOrganization } from './organizations.js';

export type NewAssessment = Omit<Assessment, 'id' | 'created_at' | 'closed_at'>;

export async function insertAssessment(db: Db, input: NewAssessment, now: Date): Promise<Assessment> {
  const row: Assessment = { ...input, id: randomUUID(), created_at: now.toISOString(), closed_at: null };
  await db.insertInto('assessments').values(row).execute();
  return row;
}

/** An assessment the user may see (through its organization), or undefined — callers answer 404. */
export async function findAssessment(db: Db, user: User, id: string): Promise<Assessment | undefined> {
  const a = await findAssessmentById(db, id);
  if (!a) return undefined;
  return (await findOrganization(db, user, a.organization_id)) ? a : undefined;
}

/** An assessment the user may see, with its organization (one lookup of each), or undefined. */
export async function findVisibleAssessment(db: Db, user: User, id: string): Promise<{ assessment: Assessment; organization: Organization } | undefined> {
  const assessment = await findAssessmentById(db, id);
  const organization = assessment && (await findOrganization(db, user, assessment.organization_id));
  return assessment && organization ? { assessment, organization } : undefined;
}

/** Any assessment by id, whoever may see it: for respondent links, the operator's CLI and stored scores. */
export async function findAssessmentById(db: Db, id: string): Promise<Assessment | undefined> {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The most recently started assessment of the whole database, if any (warming the report threads). */
export async function findNewestAssessment(db: Db): Promise<Assessment | undefined> {
  return db.selectFrom('assessments').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

/** Every questionnaire version some assessment uses, with the hash it was started with. */
export async function listUsedQuestionnaireVersions(db: Db): Promise<Array<Pick<Assessment, 'questionnaire_id' | 'questionnaire_version' | 'questionnaire_hash'>>> {
  return db.selectFrom('assessments').select(['questionnaire_id', 'questionnaire_version', 'questionnaire_hash']).distinct().execute();
}

export async function listAssessments(db: Db, organizationId: string): Promise<Assessment[]> {
  return db.selectFrom('assessments').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').orderBy('id').execute();
}

export async function closeAssessment(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('assessments').set({ closed_at: now.toISOString() }).where('id', '=', id).where('closed_at', 'is', null).execute();
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

export async function updateAssessment(
  db: Db,
  id: string,
  fields: Partial<Pick<Assessment, 'title' | 'anonymity_threshold' | 'target_culture' | 'target_process' | 'target_interaction' | 'closes_at'>>,
): Promise<void> {
  if (Object.keys(fields).length) await db.updateTable('assessments').set(fields).where('id', '=', id).execute();
}

/**
 * Opens a closed assessment again: no closing time, the closing date given (the old one may have passed),
 * and its stored final scores gone, so comparisons and benchmarks stop serving figures that are no longer
 * final (they are stored afresh at the next close). Run inside the caller's transaction.
 */
export async function reopenAssessment(db: Db, id: string, closesAt: string | null): Promise<void> {
  await db.updateTable('assessments').set({ closed_at: null, closes_at: closesAt }).where('id', '=', id).execute();
  await db.deleteFrom('final_scores').where('assessment_id', '=', id).execute();
}

/** Removes an assessment with its links, responses, comments and stored scores. Run inside the caller's transaction. */
export async function deleteAssessmentRows(db: Db, id: string): Promise<void> {
  await db.deleteFrom('comments').where('assessment_id', '=', id).execute();
  await db.deleteFrom('final_scores').where('assessment_id', '=', id).execute();
  await db.deleteFrom('responses').where('assessment_id', '=', id).execute();
  await db.deleteFrom('invitations').where('assessment_id', '=', id).execute();
  await db.deleteFrom('assessments').where('id', '=', id).execute();
}
