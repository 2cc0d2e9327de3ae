import type { Db } from '../db/database.js';
import type { ActionRecord } from '../domain/actions.js';

export async function insertAction(db: Db, action: ActionRecord): Promise<void> {
  await db.insertInto('actions').values(action).execute();
}

/** An organization's actions, by due day then creation; optionally of one assessment only. */
export async function listActions(db: Db, organizationId: string, assessmentId?: string): Promise<ActionRecord[]> {
  let q = db.selectFrom('actions').selectAll().where('organization_id', '=', organizationId);
  if (assessmentId) q = q.where('assessment_id', '=', assessmentId);
  return q.orderBy('due_date').orderBy('created_at').orderBy('id').execute();
}

/** Any action by id, whoever may see it: the service checks the organization. */
export async function findActionById(db: Db, id: string): Promise<ActionRecord | undefined> {
  return db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAction(db: Db, id: string, fields: Partial<Omit<ActionRecord, 'id' | 'organization_id' | 'created_by' | 'created_at'>>): Promise<void> {
  await db.updateTable('actions').set(fields).where('id', '=', id).execute();
}

export async function deleteAction(db: Db, id: string): Promise<void> {
  await db.deleteFrom('actions').where('id', '=', id).execute();
}
